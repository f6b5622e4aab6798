package com.focusedroom.report;

import java.util.List;

/**
 * One suggestion for focus or career, with what it comes from.
 *
 * @param rule the id of the rule that gave it
 * @param text what to do
 * @param basis what it comes from, in the reader's words: "low Self-Discipline
 * (Conscientiousness)", "your goal: Focus and get more done"
 */
record Suggestion(String rule, String text, List<String> basis) {

	Suggestion {
		basis = List.copyOf(basis);
	}

	/**
	 * The suggestion as one line of {@code big_five_result.suggestions}: readable on its
	 * own by anyone reading the table with SQL.
	 */
	String line() {
		return this.text + " (From: " + String.join("; ", this.basis) + ".)";
	}

}
