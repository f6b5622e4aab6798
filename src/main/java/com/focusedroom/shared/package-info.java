/**
 * Small value rules every module uses: how typed text is cleaned.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
@NullMarked
package com.focusedroom.shared;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
