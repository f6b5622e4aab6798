/**
 * The verify command and the integrity checks. Owns no table; reads the documented read
 * models.
 */
@ApplicationModule(displayName = "Integrity", allowedDependencies = {})
@NullMarked
package com.focusedroom.integrity;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
