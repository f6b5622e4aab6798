package com.focusedroom.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One suggestion for focus or career, with what it comes from and what it rests on.
 *
 * @param rule the id of the rule that gave it
 * @param text what to do
 * @param basis what it comes from, in the reader's words: "low Self-Discipline
 * (Conscientiousness)", "your goal: Focus and get more done"
 * @param evidence whether it rests on a research finding (cited in SOURCES.md) or is
 * craft advice
 */
record Suggestion(String rule, String text, List<String> basis, Evidence evidence) {

	Suggestion {
		basis = List.copyOf(basis);
	}

	/**
	 * The suggestion as one line of {@code big_five_result.suggestions}: readable on its
	 * own by anyone reading the table with SQL. {@code <text> (From: <basis>; ...;
	 * research: <citation> | craft advice.)}
	 */
	String line() {
		return this.text + " (From: " + String.join("; ", this.basis) + "; " + this.evidence.label() + ".)";
	}

	/**
	 * What a suggestion rests on.
	 *
	 * @param citation the short citation of the research finding (full reference in
	 * SOURCES.md), or null for craft advice
	 * @param finding the finding in plain words, or null for craft advice
	 */
	record Evidence(@Nullable String citation, @Nullable String finding) {

		static final Evidence CRAFT = new Evidence(null, null);

		static Evidence research(String citation, String finding) {
			return new Evidence(citation, finding);
		}

		boolean researchBased() {
			return this.citation != null;
		}

		/** "research: Barrick &amp; Mount (1991)" or "craft advice". */
		String label() {
			return researchBased() ? "research: " + this.citation : "craft advice";
		}

	}

}
