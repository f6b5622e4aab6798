/**
 * The append-only audit log of who did what to which customer. Owns admin_audit.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {})
@NullMarked
package com.focusedroom.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
