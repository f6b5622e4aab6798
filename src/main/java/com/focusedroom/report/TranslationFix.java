package com.focusedroom.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fix of a translation that was a pure swap: two statements whose translated texts had
 * each other's meaning (and nothing else wrong). Someone who answered the faulty page
 * gave statement {@code first}'s answer where statement {@code second} stood in meaning
 * and the other way round, so swapping the two stored answers gives what they said about
 * the English statements, and scoring them again is exact. Fixes of any other kind (a
 * reversed or duplicated statement, a wrong construct) cannot be undone from the answers
 * and are not listed here. See docs/decisions/0010.
 *
 * @param id the fix's name, as the command takes it and as recorded in
 * {@code big_five_result.translation_fixes}
 * @param language the language tag of the translation
 * @param commit the commit that fixed the texts
 * @param swaps the statement positions (1-based) swapped by the fix
 */
record TranslationFix(String id, String language, String commit, List<Swap> swaps) {

	/** French: items 28 and 88 (voting for liberal / conservative candidates). */
	static final TranslationFix FRENCH_28_88 = new TranslationFix("fr-28-88", "fr", "32fdb68",
			List.of(new Swap(28, 88)));

	static final List<TranslationFix> ALL = List.of(FRENCH_28_88);

	static Optional<TranslationFix> byId(String id) {
		return ALL.stream().filter((fix) -> fix.id().equals(id)).findFirst();
	}

	/** The answers as they are meant for the English statements. */
	Integer[] apply(Integer[] answers) {
		Integer[] fixed = Arrays.copyOf(answers, answers.length);
		for (Swap swap : this.swaps) {
			fixed[swap.first() - 1] = answers[swap.second() - 1];
			fixed[swap.second() - 1] = answers[swap.first() - 1];
		}
		return fixed;
	}

	/** Two statement positions, 1-based. */
	record Swap(int first, int second) {

	}

}
