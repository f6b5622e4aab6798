/**
 * Per-client rate and size limits on public requests. Owns rate_limit_bucket.
 */
@ApplicationModule(displayName = "Limits", allowedDependencies = { "system", "shared" })
@NullMarked
package com.focusedroom.limits;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
