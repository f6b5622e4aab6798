package com.focusedroom.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A customer's email address in its one normalised form: trimmed and lower-cased, so that
 * {@code " A@X.com"} and {@code "a@x.com"} are the same customer. This is the only place
 * an email is normalised.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

	/**
	 * Longest address SMTP can deliver to (RFC 5321 path limit less the angle brackets).
	 */
	public static final int MAX_LENGTH = 254;

	/** What a form says of a longer address. */
	public static final String TOO_LONG_MESSAGE = "An email address has at most " + MAX_LENGTH + " characters.";

	// Printable ASCII only: internationalised addresses would lower-case differently in
	// Java and PostgreSQL. Domains need a dot; IDN domains are accepted in punycode form.
	private static final Pattern FORMAT = Pattern.compile(
			"[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

	public EmailAddress {
		if (!isValid(value) || !value.equals(normalise(value))) {
			throw new IllegalArgumentException("Not a normalised email address");
		}
	}

	/** The address as typed, normalised; throws if it is not a valid address. */
	public static EmailAddress of(String typed) {
		return new EmailAddress(normalise(typed));
	}

	/** Whether the address as typed is one we accept (after normalising). */
	public static boolean isValid(@Nullable String typed) {
		if (typed == null) {
			return false;
		}
		String normalised = normalise(typed);
		return normalised.length() <= MAX_LENGTH && FORMAT.matcher(normalised).matches() && !normalised.startsWith(".")
				&& !normalised.contains("..") && !normalised.contains(".@");
	}

	private static String normalise(String typed) {
		return typed.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		// Keeps addresses out of logs and exception messages that print this record.
		return "EmailAddress[***]";
	}

}
