/**
 * The IPIP-NEO-120 inventory, its scoring and norms: plain Java.
 */
@ApplicationModule(displayName = "Scoring", allowedDependencies = {})
@NullMarked
package com.focusedroom.scoring;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
