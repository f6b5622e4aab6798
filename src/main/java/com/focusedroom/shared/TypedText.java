package com.focusedroom.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Text as a person typed it (a name, a profession, a search), cleaned the one way the
 * product cleans it: control characters removed (none belongs in such a text, and
 * PostgreSQL refuses NUL even as a query parameter), surrounding space stripped, and
 * nothing left meaning "not given".
 */
public final class TypedText {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private TypedText() {
	}

	/** The cleaned text, or {@code null} when nothing is left. */
	public static @Nullable String cleaned(@Nullable String typed) {
		if (typed == null) {
			return null;
		}
		String cleaned = withoutControlCharacters(typed).strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** The text with its control characters taken out, and nothing else changed. */
	public static String withoutControlCharacters(String text) {
		return CONTROL.matcher(text).replaceAll("");
	}

	/**
	 * The cleaned text cut to at most {@code maxLength} characters, for texts that are
	 * kept rather than refused when long (campaign data).
	 */
	public static @Nullable String cleaned(@Nullable String typed, int maxLength) {
		String cleaned = cleaned(typed);
		return (cleaned != null && cleaned.length() > maxLength) ? cleaned.substring(0, maxLength) : cleaned;
	}

	/** Whether the text holds a control character, which no stored text may. */
	public static boolean hasControlCharacter(String text) {
		return CONTROL.matcher(text).find();
	}

}
