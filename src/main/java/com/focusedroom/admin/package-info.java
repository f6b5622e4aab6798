/**
 * The admin pages: dashboard, customers (search, page, detail), CSV export, the integrity
 * page, the audit log and the Outbox (mail and suppressions); GDPR requests are run by
 * gdpr and customer. Owns no table; reads the documented read models.
 */
@ApplicationModule(displayName = "Admin area",
		allowedDependencies = { "audit", "channel", "customer", "gdpr", "integrity", "mail", "scoring", "shared" })
@NullMarked
package com.focusedroom.admin;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
