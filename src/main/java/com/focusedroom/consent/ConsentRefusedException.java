package com.focusedroom.consent;

/**
 * A consent that cannot be accepted as given: the visitor is below the minimum age, or
 * the wording they claim to have seen is not one we ever showed. Nothing is stored.
 */
public class ConsentRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public ConsentRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The request field the problem belongs to ({@code optIn} or {@code consentVersion}).
	 */
	public String field() {
		return this.field;
	}

}
