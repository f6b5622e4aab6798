/**
 * The test form and submissions from every channel: one transaction that records the
 * visit, the consent, the report, the touch and the report mail.
 */
@ApplicationModule(displayName = "Assessment",
		allowedDependencies = { "channel", "consent", "customer", "limits", "mail", "report", "scoring", "shared" })
@NullMarked
package com.focusedroom.assessment;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
