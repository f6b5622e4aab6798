/**
 * Channels, touches and campaign attribution. Owns channel_details and customer_touch.
 */
@ApplicationModule(displayName = "Channels", allowedDependencies = { "gdpr", "shared" })
@NullMarked
package com.focusedroom.channel;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
