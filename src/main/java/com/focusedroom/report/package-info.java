/**
 * Numbered reports, their page, PDF and suggestions. Owns big_five_result.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "channel", "customer", "gdpr", "scoring" })
@NullMarked
package com.focusedroom.report;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
