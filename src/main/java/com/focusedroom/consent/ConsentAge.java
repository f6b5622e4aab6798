package com.focusedroom.consent;

import org.jspecify.annotations.Nullable;

/**
 * The age rule of newsletter consent (GDPR Art. 8), the one place it is stated: people
 * known to be younger than {@code minimum} cannot opt in.
 *
 * @param minimum the minimum age ({@code focusedroom.consent.minimum-age})
 */
public record ConsentAge(int minimum) {

	/** The rule in words, for forms and error messages. */
	public String rule() {
		return "You must be " + this.minimum + " or older to subscribe (GDPR Art. 8).";
	}

	/**
	 * Whether a ticked box must be refused from a person of the given age.
	 * @param age the age given, or {@code null} if none (which is not refused)
	 */
	public boolean refuses(boolean optIn, @Nullable Integer age) {
		return optIn && age != null && age < this.minimum;
	}

}
