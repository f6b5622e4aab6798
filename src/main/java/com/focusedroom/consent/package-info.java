/**
 * Consent texts, the consent history with opt-in derived from it, the age rule and the
 * unsubscribe link. Owns consent_text and consent_event.
 */
@ApplicationModule(displayName = "Consent", allowedDependencies = { "channel", "gdpr", "shared" })
@NullMarked
package com.focusedroom.consent;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
