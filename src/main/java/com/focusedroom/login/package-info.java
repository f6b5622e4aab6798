/**
 * The admins of the configuration, the login page and its throttling. Owns
 * admin_login_failure.
 */
@ApplicationModule(displayName = "Admin login", allowedDependencies = { "audit", "shared" })
@NullMarked
package com.focusedroom.login;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
