package com.focusedroom.mail;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The messages FocusedRoom sends, each with its template
 * ({@code templates/mail/<template>.html} and {@code .txt}), its subject
 * ({@code mail.<template>.subject} in messages.properties, with the
 * {@link #subjectArgument} as its argument) and the model values its template needs.
 */
public enum LetterKind {

	/** After a test: "Your FocusedRoom report N" with its link. */
	REPORT(false, "reportNumber", "name", "reportNumber", "reportUrl"),

	/** The newsletter double opt-in: the link that confirms the request. */
	NEWSLETTER_CONFIRMATION(true, null, "name", "confirmUrl", "unsubscribeUrl"),

	/** The eBook download link. */
	EBOOK_LINK(false, null, "name", "downloadUrl"),

	/** The one-time sign-in link for "my reports". */
	SIGN_IN(false, null, "signInUrl", "minutesValid");

	private final boolean newsletter;

	private final @Nullable String subjectArgument;

	private final List<String> modelKeys;

	LetterKind(boolean newsletter, @Nullable String subjectArgument, String... modelKeys) {
		this.newsletter = newsletter;
		this.subjectArgument = subjectArgument;
		this.modelKeys = List.of(modelKeys);
	}

	/**
	 * Whether this is newsletter-type mail, which carries {@code List-Unsubscribe} and
	 * {@code List-Unsubscribe-Post} (model value {@code unsubscribeUrl}); transactional
	 * mail does not pretend to be a newsletter.
	 */
	public boolean newsletter() {
		return this.newsletter;
	}

	/** The model value the subject line names, if any. */
	public @Nullable String subjectArgument() {
		return this.subjectArgument;
	}

	/**
	 * The model values the template needs; a letter without one of them is a programming
	 * error.
	 */
	public List<String> modelKeys() {
		return this.modelKeys;
	}

	/**
	 * The template's name and the database's {@code kind}: {@code report},
	 * {@code sign_in} ...
	 */
	public String template() {
		return name().toLowerCase(Locale.ROOT);
	}

}
