/**
 * The mobile app's JSON API (channel 3), version 1, and its problem details.
 */
@ApplicationModule(displayName = "Mobile app API",
		allowedDependencies = { "assessment", "channel", "consent", "customer", "scoring", "shared", "system" })
@NullMarked
package com.focusedroom.api;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
