/**
 * Per-client rate and size limits on public requests.
 */
@ApplicationModule(displayName = "Limits", allowedDependencies = { "system" })
@NullMarked
package com.focusedroom.limits;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
