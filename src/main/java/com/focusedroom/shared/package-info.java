/**
 * Small value rules every module uses: how typed text is cleaned, and the keyed hash of
 * texts the product must not keep.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
@NullMarked
package com.focusedroom.shared;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
