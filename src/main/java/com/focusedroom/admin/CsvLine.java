package com.focusedroom.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of a CSV file (RFC 4180) that is safe to open in a spreadsheet: every text
 * cell is quoted, and a cell that a spreadsheet would run as a formula (one starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP's "CSV
 * Injection" advice says. Numbers are written as they are.
 */
final class CsvLine {

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

	private static boolean startsFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
