/**
 * Consent texts, the consent history with opt-in derived from it, the age rule and the
 * unsubscribe link, double opt-in (pending requests confirmed by mail). Owns
 * consent_text, consent_event and consent_request.
 */
@ApplicationModule(displayName = "Consent", allowedDependencies = { "channel", "customer", "gdpr", "mail", "shared" })
@NullMarked
package com.focusedroom.consent;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
