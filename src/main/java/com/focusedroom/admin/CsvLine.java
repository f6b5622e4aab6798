package com.focusedroom.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of a CSV file (RFC 4180) that is safe to open in a spreadsheet: every text
 * cell is quoted, and a cell that a spreadsheet would run as a formula (one starting with
 * {@code = + - @} or their full-width forms, also after leading white space or
 * separators, or with a tab or a carriage return) gets a leading apostrophe, as OWASP's
 * "CSV Injection" advice says. Numbers are written as they are.
 */
final class CsvLine {

	/** Formula signs, ASCII and full-width (U+FF1D, U+FF0B, U+FF0D, U+FF20). */
	private static final String FORMULA_SIGNS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

	private CsvLine() {
	}

	/** The cells joined into a line ending in CRLF; {@code null} is an empty cell. */
	static String of(List<? extends @Nullable Object> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			Object cell = cells.get(i);
			if (cell instanceof Number || cell instanceof Boolean) {
				line.append(cell);
			}
			else if (cell != null) {
				line.append(text(cell.toString()));
			}
		}
		return line.append("\r\n").toString();
	}

	/** A text cell: defused if it could start a formula, then quoted. */
	static String text(String value) {
		String safe = startsFormula(value) ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	/**
	 * Whether a spreadsheet could read the cell as a formula: its first character, after
	 * any leading white space (a non-breaking space too) and separators that a
	 * spreadsheet may split on ({@code ;} and {@code ,}), is a formula sign, in its ASCII
	 * or its full-width form (some spreadsheets fold {@code ＝} to {@code =}); or it
	 * starts with a tab or carriage return.
	 */
	static boolean startsFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		if (value.charAt(0) == '\t' || value.charAt(0) == '\r') {
			return true;
		}
		int i = 0;
		while (i < value.length() && isSkipped(value.charAt(i))) {
			i++;
		}
		return i < value.length() && FORMULA_SIGNS.indexOf(value.charAt(i)) >= 0;
	}

	private static boolean isSkipped(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ';' || c == ',' || c == '\u200B'
				|| c == '\uFEFF';
	}

}
