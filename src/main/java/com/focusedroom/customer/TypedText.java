package com.focusedroom.customer;

/**
 * Text as a person typed it (a name, a profession, a search), cleaned the one way the
 * product cleans it: control characters removed (none belongs in such a text, and
 * PostgreSQL refuses NUL even as a query parameter), surrounding space stripped, and
 * nothing left meaning "not given".
 */
public final class TypedText {

	private TypedText() {
	}

	/** The cleaned text, or {@code null} when nothing is left. */
	public static String cleaned(String typed) {
		if (typed == null) {
			return null;
		}
		String cleaned = typed.replaceAll("\\p{Cntrl}", "").strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

}
