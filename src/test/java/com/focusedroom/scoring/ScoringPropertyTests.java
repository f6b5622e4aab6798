package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold for any complete answer sheet, checked on random sheets (fixed
 * seeds, so a failure can be repeated).
 */
class ScoringPropertyTests {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	private final Scorer scorer = new Scorer(INVENTORY);

	@RepeatedTest(200)
	@SuppressWarnings("deprecation") // checks the raw-scale level still held in Scores
	void everyScoreIsTheKeyedSumOfItsItemsOnTheZeroToHundredScale(RepetitionInfo repetition) {
		List<Integer> answers = randomSheet(repetition.getCurrentRepetition());
		Scores scores = this.scorer.score(answers);
		for (Scores.DomainScore domain : scores.domains()) {
			int facetSum = 0;
			for (Scores.FacetScore facet : domain.facets()) {
				int keyed = INVENTORY.items()
					.stream()
					.filter((item) -> item.facet().equals(facet.facet()))
					.mapToInt((item) -> {
						int answer = answers.get(item.position() - 1);
						return item.reversed() ? 6 - answer : answer;
					})
					.sum();
				assertThat(facet.raw()).isEqualTo(keyed).isBetween(4, 20);
				assertThat(facet.score()).isBetween(0.0, 100.0).isCloseTo((keyed - 4) * 100.0 / 16, within());
				assertThat(facet.level()).isEqualTo(Level.of(facet.score()));
				facetSum += facet.raw();
			}
			assertThat(domain.raw()).isEqualTo(facetSum).isBetween(24, 120);
			assertThat(domain.score()).isCloseTo((facetSum - 24) * 100.0 / 96, within());
		}
	}

	@RepeatedTest(200)
	void agreeingMoreRaisesAPlusKeyedItemsFacetAndLowersAMinusKeyedItemsFacet(RepetitionInfo repetition) {
		Random random = new Random(1000 + repetition.getCurrentRepetition());
		List<Integer> answers = new ArrayList<>(randomSheet(repetition.getCurrentRepetition()));
		Item item = INVENTORY.items().get(random.nextInt(INVENTORY.size()));
		int before = answers.get(item.position() - 1);
		if (before == Inventory.MAX_ANSWER) {
			answers.set(item.position() - 1, before - 1);
			before--;
		}
		int facetBefore = facetRaw(this.scorer.score(answers), item.facet());
		answers.set(item.position() - 1, before + 1);
		int facetAfter = facetRaw(this.scorer.score(answers), item.facet());
		assertThat(facetAfter - facetBefore).as(item.text()).isEqualTo(item.reversed() ? -1 : 1);
	}

	private static int facetRaw(Scores scores, Facet facet) {
		return scores.facet(facet.code()).raw();
	}

	private static List<Integer> randomSheet(long seed) {
		Random random = new Random(seed);
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < INVENTORY.size(); i++) {
			answers.add(1 + random.nextInt(5));
		}
		return answers;
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(0.05);
	}

}
