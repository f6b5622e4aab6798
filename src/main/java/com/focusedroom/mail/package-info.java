/**
 * Outbound mail: every message is written to the outbox ({@code mail_outbox}) in the
 * transaction of the action that causes it, rendered from a template (HTML and plain
 * text), and delivered later. The public API is {@link com.focusedroom.mail.Outbox#post},
 * with {@link com.focusedroom.mail.Letter}, {@link com.focusedroom.mail.LetterKind} and
 * {@link com.focusedroom.mail.Posting}.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = { "audit", "gdpr", "shared" })
@NullMarked
package com.focusedroom.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
