/**
 * One customer per normalised email: visits, demographics and their rectification. Owns
 * customer and legacy_subscriber.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = { "audit", "channel", "gdpr", "shared" })
@NullMarked
package com.focusedroom.customer;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
