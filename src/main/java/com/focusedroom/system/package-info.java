/**
 * Cross-cutting web and runtime: the embedded database, security, error answers, the
 * clock and the landing page.
 */
@ApplicationModule(displayName = "System", allowedDependencies = { "login", "shared" })
@NullMarked
package com.focusedroom.system;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
