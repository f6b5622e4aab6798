package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScorerTests {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	private final Scorer scorer = new Scorer(INVENTORY);

	/**
	 * An answer sheet whose expected scores were worked out by hand from the item key
	 * (outside this code): each facet mixes plus- and minus-keyed items and answers 1 to
	 * 5.
	 */
	private static final List<Integer> SHEET = List.of( //
			2, 5, 5, 2, 1, 2, 1, 1, 3, 2, 3, 1, 1, 4, 3, 4, 2, 2, 4, 3, 5, 3, 3, 5, 4, 5, 3, 4, 1, 5, 1, 4, 4, 1, 1, 2,
			5, 5, 2, 1, 2, 1, 1, 3, 2, 3, 1, 1, 4, 3, 4, 2, 2, 4, 3, 5, 3, 3, 5, 4, 5, 3, 4, 1, 5, 1, 4, 4, 1, 1, 2, 5,
			5, 2, 1, 2, 1, 1, 3, 2, 3, 1, 1, 4, 3, 4, 2, 2, 4, 3, 5, 3, 3, 5, 4, 5, 3, 4, 1, 5, 1, 4, 4, 1, 1, 2, 5, 5,
			2, 1, 2, 1, 1, 3, 2, 3, 1, 1, 4, 3);

	@ParameterizedTest(name = "{0}: raw {1}, scaled {2}")
	@CsvSource({ //
			"N, 75, 53.1", //
			"N1, 13, 56.3", //
			"N2, 6, 12.5", //
			"N3, 12, 50.0", //
			"N4, 13, 56.3", //
			"N5, 14, 62.5", //
			"N6, 17, 81.3", //
			"E, 56, 33.3", //
			"E1, 15, 68.8", //
			"E2, 11, 43.8", //
			"E3, 9, 31.3", //
			"E4, 5, 6.3", //
			"E5, 7, 18.8", //
			"E6, 9, 31.3", //
			"O, 77, 55.2", //
			"O1, 16, 75.0", //
			"O2, 10, 37.5", //
			"O3, 5, 6.3", //
			"O4, 13, 56.3", //
			"O5, 17, 81.3", //
			"O6, 16, 75.0", //
			"A, 67, 44.8", //
			"A1, 5, 6.3", //
			"A2, 17, 81.3", //
			"A3, 16, 75.0", //
			"A4, 11, 43.8", //
			"A5, 8, 25.0", //
			"A6, 10, 37.5", //
			"C, 77, 55.2", //
			"C1, 11, 43.8", //
			"C2, 13, 56.3", //
			"C3, 15, 68.8", //
			"C4, 15, 68.8", //
			"C5, 14, 62.5", //
			"C6, 9, 31.3" })
	void scoresTheHandComputedSheet(String code, int raw, double scaled) {
		Scores scores = this.scorer.score(SHEET);
		if (code.length() == 1) {
			Scores.DomainScore domain = scores.of(Domain.ofCode(code));
			assertThat(domain.raw()).isEqualTo(raw);
			assertThat(domain.score()).isEqualTo(scaled);
		}
		else {
			Scores.FacetScore facet = facet(scores, code);
			assertThat(facet.raw()).isEqualTo(raw);
			assertThat(facet.score()).isEqualTo(scaled);
		}
	}

	@Test
	void allNeutralAnswersScoreFiftyEverywhere() {
		Scores scores = this.scorer.score(Collections.nCopies(120, 3));
		for (Scores.DomainScore domain : scores.domains()) {
			assertThat(domain.score()).isEqualTo(50.0);
			assertThat(domain.level()).isEqualTo(Level.AVERAGE);
			assertThat(domain.facets()).allSatisfy((facet) -> assertThat(facet.score()).isEqualTo(50.0));
		}
	}

	@Test
	void agreeingWithEveryPlusKeyedItemAndRejectingEveryMinusKeyedItemScoresOneHundred() {
		Scores scores = this.scorer.score(keyedAnswers(5, 1));
		assertThat(scores.domains()).allSatisfy((domain) -> {
			assertThat(domain.raw()).isEqualTo(120);
			assertThat(domain.score()).isEqualTo(100.0);
			assertThat(domain.level()).isEqualTo(Level.HIGH);
		});
		assertThat(this.scorer.score(keyedAnswers(1, 5)).domains()).allSatisfy((domain) -> {
			assertThat(domain.score()).isZero();
			assertThat(domain.level()).isEqualTo(Level.LOW);
		});
	}

	@Test
	void agreeingWithEverythingIsNotTheHighestScoreBecauseMinusKeyedItemsAreReversed() {
		Scores scores = this.scorer.score(Collections.nCopies(120, 5));
		assertThat(scores.domains()).allSatisfy((domain) -> assertThat(domain.score()).isBetween(1.0, 99.0));
	}

	@Test
	void mirroringEveryAnswerMirrorsEveryScore() {
		List<Integer> mirrored = SHEET.stream().map((answer) -> 6 - answer).toList();
		Scores scores = this.scorer.score(SHEET);
		Scores mirror = this.scorer.score(mirrored);
		for (Scores.DomainScore domain : scores.domains()) {
			Scores.DomainScore opposite = mirror.of(domain.domain());
			assertThat(domain.raw() + opposite.raw()).isEqualTo(144);
			for (int i = 0; i < 6; i++) {
				assertThat(domain.facets().get(i).raw() + opposite.facets().get(i).raw()).isEqualTo(24);
			}
		}
	}

	@Test
	void aMissingAnswerIsRejected() {
		List<Integer> answers = new ArrayList<>(SHEET);
		answers.set(57, null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.scorer.score(answers)).withMessageContaining("58");
		assertThatIllegalArgumentException().isThrownBy(() -> this.scorer.score(SHEET.subList(0, 119)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.scorer.score(null));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 6, -1 })
	void anAnswerOutsideOneToFiveIsRejected(int answer) {
		List<Integer> answers = new ArrayList<>(SHEET);
		answers.set(0, answer);
		assertThatIllegalArgumentException().isThrownBy(() -> this.scorer.score(answers));
	}

	private static List<Integer> keyedAnswers(int plus, int minus) {
		return INVENTORY.items().stream().map((item) -> item.reversed() ? minus : plus).toList();
	}

	private static Scores.FacetScore facet(Scores scores, String code) {
		return scores.domains()
			.stream()
			.flatMap((domain) -> domain.facets().stream())
			.filter((facet) -> facet.facet().code().equals(code))
			.findFirst()
			.orElseThrow();
	}

}
