package com.focusedroom.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValidityTests {

	@Test
	void theMeanInAReasonReadsAsTheFormatterWroteIt() {
		Random random = new Random(14);
		for (int i = 0; i < 20_000; i++) {
			double value = (i < 600) ? i / 120.0 : random.nextDouble() * 5;
			assertThat(Validity.oneDecimal(value)).isEqualTo(String.format(Locale.ROOT, "%.1f", value));
		}
		assertThat(List.of(0.05, 0.15, 0.25, 2.45, 4.95, 2.25, 1.0)).allSatisfy(
				(value) -> assertThat(Validity.oneDecimal(value)).isEqualTo(String.format(Locale.ROOT, "%.1f", value)));
	}

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	@Test
	void allThreesAreFlagged() {
		Validity validity = Validity.of(Responders.same(3), null);
		assertThat(validity.likelyInvalid()).isTrue();
		assertThat(kinds(validity)).contains(Validity.Kind.LONG_RUN, Validity.Kind.MIDPOINT, Validity.Kind.OPPOSITES,
				Validity.Kind.CONSISTENCY);
		assertThat(validity.reasons()).anySatisfy((reason) -> assertThat(reason)
			.contains("120 answers in a row were \"Neither Accurate Nor Inaccurate\" (statements 1 to 120)"));
	}

	@Test
	void allFivesAreFlaggedAsAgreeingWithEverything() {
		Validity validity = Validity.of(Responders.same(5), null);
		assertThat(kinds(validity)).contains(Validity.Kind.LONG_RUN, Validity.Kind.AGREEING, Validity.Kind.EXTREME);
		assertThat(validity.check(Validity.Kind.AGREEING).orElseThrow().observed()).isEqualTo(5.0);
	}

	@ParameterizedTest(name = "all {0}s")
	@ValueSource(ints = { 1, 2, 3, 4, 5 })
	void straightLinesOfAnyAnswerAreFlagged(int answer) {
		Validity validity = Validity.of(Responders.same(answer), null);
		assertThat(validity.likelyInvalid()).isTrue();
		assertThat(kinds(validity)).contains(Validity.Kind.LONG_RUN);
	}

	@Test
	void alternatingOneAndFiveIsFlagged() {
		Validity validity = Validity.of(Responders.alternating(1, 5), null);
		assertThat(validity.likelyInvalid()).isTrue();
		// Both statements of every opposite pair are 30 apart, so they get the same
		// answer.
		assertThat(validity.check(Validity.Kind.OPPOSITES).orElseThrow().observed()).isEqualTo(1.0);
		assertThat(kinds(validity)).contains(Validity.Kind.OPPOSITES, Validity.Kind.EXTREME);
		assertThat(Validity.of(Responders.alternating(5, 1), null).likelyInvalid()).isTrue();
	}

	@Test
	void aCarefulConsistentProtocolIsNotFlagged() {
		List<Integer> answers = Responders.careful(new Random(42));
		Validity validity = Validity.of(answers, 900);
		assertThat(validity.reasons()).isEmpty();
		assertThat(validity.likelyInvalid()).isFalse();
		assertThat(validity.check(Validity.Kind.OPPOSITES).orElseThrow().observed()).isLessThan(-0.2);
		assertThat(validity.check(Validity.Kind.CONSISTENCY).orElseThrow().observed()).isGreaterThan(0.4);
	}

	@Test
	void fewCarefulProtocolsAndMostRandomOnesAreFlagged() {
		Random random = new Random(2005);
		int careful = 0;
		int randomFlagged = 0;
		int n = 4000;
		for (int i = 0; i < n; i++) {
			careful += Validity.of(Responders.careful(random), null).likelyInvalid() ? 1 : 0;
			randomFlagged += Validity.of(Responders.uniform(random), null).likelyInvalid() ? 1 : 0;
		}
		System.out.printf("Validity: careful (latent trait model) flagged %.2f %%, uniform random flagged %.1f %%%n",
				100.0 * careful / n, 100.0 * randomFlagged / n);
		assertThat((double) careful / n).as("careful protocols flagged").isLessThan(0.02);
		assertThat((double) randomFlagged / n).as("random protocols flagged").isGreaterThan(0.50);
	}

	@Test
	void theCarefulModelHasTheReportedFacetReliabilities() {
		Random random = new Random(70);
		List<List<Integer>> sheets = new java.util.ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			sheets.add(Responders.careful(random));
		}
		double sum = 0;
		for (Facet facet : INVENTORY.facets()) {
			List<Item> items = INVENTORY.items().stream().filter((item) -> item.facet().equals(facet)).toList();
			double itemVariances = 0;
			double[] totals = new double[sheets.size()];
			for (Item item : items) {
				double[] scores = new double[sheets.size()];
				for (int s = 0; s < sheets.size(); s++) {
					scores[s] = item.score(sheets.get(s).get(item.position() - 1));
					totals[s] += scores[s];
				}
				itemVariances += variance(scores);
			}
			sum += 4.0 / 3 * (1 - itemVariances / variance(totals));
		}
		double meanAlpha = sum / INVENTORY.facets().size();
		System.out.printf("Careful model: mean facet alpha %.2f%n", meanAlpha);
		assertThat(meanAlpha).isBetween(0.65, 0.75);
	}

	private static double variance(double[] values) {
		double mean = java.util.Arrays.stream(values).average().orElseThrow();
		return java.util.Arrays.stream(values).map((v) -> (v - mean) * (v - mean)).sum() / values.length;
	}

	@Test
	void aFastTimeAloneIsFlagged() {
		List<Integer> answers = Responders.careful(new Random(42));
		Validity validity = Validity.of(answers, 200);
		assertThat(validity.likelyInvalid()).isTrue();
		assertThat(kinds(validity)).containsExactly(Validity.Kind.SPEED);
		assertThat(validity.reasons()).containsExactly(
				"The 120 statements were answered in 200 seconds, under 2 seconds a statement: too fast to read each one.");
		assertThat(Validity.of(answers, 240).likelyInvalid()).as("2 seconds a statement is enough").isFalse();
		assertThat(Validity.of(answers, null).check(Validity.Kind.SPEED)).as("no time, no check").isEmpty();
	}

	@Test
	void everyIndexReportsItsValueAndLimit() {
		Validity validity = Validity.of(Responders.careful(new Random(7)), 600);
		assertThat(validity.checks()).extracting(Validity.Check::kind).containsExactly(Validity.Kind.values());
		Validity.Check run = validity.check(Validity.Kind.LONG_RUN).orElseThrow();
		assertThat(run.limit()).isIn(10.0, 13.0);
		assertThat(validity.check(Validity.Kind.SPEED).orElseThrow().limit()).isEqualTo(240.0);
	}

	@Test
	void aRunJustBelowItsLimitPassesAndAtItsLimitIsFlagged() {
		List<Integer> answers = new java.util.ArrayList<>(Responders.careful(new Random(42)));
		for (int i = 0; i < 9; i++) {
			answers.set(20 + i, 5);
		}
		answers.set(19, 4);
		answers.set(29, 4);
		assertThat(Validity.of(answers, null).check(Validity.Kind.LONG_RUN).orElseThrow().flagged()).isFalse();
		answers.set(29, 5);
		answers.set(30, 4);
		Validity.Check run = Validity.of(answers, null).check(Validity.Kind.LONG_RUN).orElseThrow();
		assertThat(run.flagged()).isTrue();
		assertThat(run.finding()).startsWith("10 answers in a row were \"Very Accurate\" (statements 21 to 30)");
	}

	@Test
	void theOppositePairsShareAFacetHaveOppositeKeyingAndNoStatementTwice() {
		Set<Integer> seen = new HashSet<>();
		for (Validity.OppositePair pair : Validity.OPPOSITE_PAIRS) {
			Item plus = INVENTORY.items().get(pair.plusPosition() - 1);
			Item minus = INVENTORY.items().get(pair.minusPosition() - 1);
			assertThat(plus.facet()).as(plus.text() + " / " + minus.text()).isEqualTo(minus.facet());
			assertThat(plus.reversed()).isFalse();
			assertThat(minus.reversed()).isTrue();
			assertThat(seen.add(pair.plusPosition())).isTrue();
			assertThat(seen.add(pair.minusPosition())).isTrue();
		}
		assertThat(Validity.OPPOSITE_PAIRS).hasSize(21);
	}

	@Test
	void answersThatAgreeOnlyWithOneSideOfEachFacetNeverReachTheAgreeingLimit() {
		// For each facet, answer its statements at the extremes in whichever direction
		// raises the mean raw answer most: the highest mean any trait-consistent set of
		// answers can have.
		int sum = 0;
		int lowest = 0;
		for (Facet facet : INVENTORY.facets()) {
			int plus = 0;
			int minus = 0;
			for (Item item : INVENTORY.items()) {
				if (item.facet().equals(facet)) {
					if (item.reversed()) {
						minus++;
					}
					else {
						plus++;
					}
				}
			}
			sum += Math.max(5 * plus + minus, plus + 5 * minus);
			lowest += Math.min(5 * plus + minus, plus + 5 * minus);
		}
		assertThat(sum / 120.0).isCloseTo(3.97, org.assertj.core.data.Offset.offset(0.005))
			.isLessThan(Validity.AGREEING_LIMIT);
		assertThat(lowest / 120.0).isCloseTo(2.03, org.assertj.core.data.Offset.offset(0.005))
			.isGreaterThan(Validity.DISAGREEING_LIMIT);
	}

	@Test
	void incompleteAnswersAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Validity.of(Responders.same(3).subList(0, 119), null));
	}

	private static List<Validity.Kind> kinds(Validity validity) {
		return validity.flagged().stream().map(Validity.Check::kind).toList();
	}

}
