/**
 * Data export, erasure through every module that owns customer data, retention, and the
 * keyed hash an erased customer leaves. Owns erased_customer.
 */
@ApplicationModule(displayName = "GDPR", allowedDependencies = { "audit", "shared" })
@NullMarked
package com.focusedroom.gdpr;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
