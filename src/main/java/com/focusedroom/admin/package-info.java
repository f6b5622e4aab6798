/**
 * The admin pages: dashboard, customers (search, page, detail), CSV export, the integrity
 * page and the audit log; GDPR requests are run by gdpr and customer. Owns no table;
 * reads the documented read models.
 */
@ApplicationModule(displayName = "Admin area",
		allowedDependencies = { "audit", "channel", "customer", "gdpr", "integrity", "scoring", "shared" })
@NullMarked
package com.focusedroom.admin;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
