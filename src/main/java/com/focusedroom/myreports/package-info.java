/**
 * "My reports": a one-time sign-in link by mail (no passwords), the customer's own page
 * with every report and the change between any two, and self-service privacy (correct,
 * subscribe, export, erase). Owns sign_in_link.
 */
@ApplicationModule(displayName = "My reports",
		allowedDependencies = { "audit", "consent", "customer", "gdpr", "mail", "report", "shared" })
@NullMarked
package com.focusedroom.myreports;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
