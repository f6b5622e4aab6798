package com.focusedroom.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangeReportTests {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	private final Reliability reliability = Reliability.ipipNeo120();

	private final Norms norms = Norms.johnson2014();

	@Test
	void noChangeIsAboutTheSame() {
		Scores scores = new Scorer(INVENTORY).score(Responders.careful(new Random(1)));
		ChangeReport report = ChangeReport.between(scores, scores);
		assertThat(report.anyMeaningful()).isFalse();
		assertThat(report.all()).hasSize(35).allSatisfy((change) -> {
			assertThat(change.direction()).isEqualTo("about the same");
			assertThat(change.bandLow()).isLessThan(0);
			assertThat(change.bandHigh()).isGreaterThan(0);
		});
	}

	@Test
	void aDomainIsTestedAtTheBonferroniLevelWithItsOwnReliability() {
		Map<String, Double> before = middle();
		Map<String, Double> after = new HashMap<>(before);
		double threshold = 2.5758 * this.norms.typicalStandardDeviation("N") * Math.sqrt(2 * (1 - 0.90));
		after.put("N", before.get("N") + threshold - 0.1);
		ChangeReport.ScaleChange small = ChangeReport.ofRaw(before, after, this.reliability).of("N");
		assertThat(small.threshold()).isCloseTo(threshold, within(1e-3));
		assertThat(small.meaningful()).isFalse();
		after.put("N", before.get("N") + threshold + 0.1);
		ChangeReport.ScaleChange large = ChangeReport.ofRaw(before, after, this.reliability).of("N");
		assertThat(large.meaningful()).isTrue();
		assertThat(large.direction()).isEqualTo("up");
		assertThat(large.bandLow()).isGreaterThan(0);
		assertThat(large.difference()).isCloseTo((threshold + 0.1) * 100 / 96, within(0.05));
	}

	@Test
	void aFacetIsTestedOnlyWhenItsDomainChanged() {
		Map<String, Double> before = middle();
		Map<String, Double> after = new HashMap<>(before);
		after.put("N1", before.get("N1") + 12);
		ChangeReport alone = ChangeReport.ofRaw(before, after, this.reliability);
		assertThat(alone.of("N1").tested()).isFalse();
		assertThat(alone.of("N1").meaningful()).isFalse();
		after.put("N", before.get("N") + 30);
		ChangeReport withDomain = ChangeReport.ofRaw(before, after, this.reliability);
		assertThat(withDomain.of("N").meaningful()).isTrue();
		assertThat(withDomain.of("N1").tested()).isTrue();
		assertThat(withDomain.of("N1").meaningful()).isTrue();
		assertThat(withDomain.of("N1").criticalZ()).isCloseTo(3.144, within(0.001));
		assertThat(withDomain.of("N2").meaningful()).isFalse();
		assertThat(withDomain.meaningful()).extracting(ChangeReport.ScaleChange::scale).containsExactly("N", "N1");
	}

	/**
	 * The rule under its own error model: every facet's observed score is its true score
	 * plus normal error with the facet's SEM, independently; a domain score is the sum of
	 * its facets (so its error is theirs). Seeded, so the figures are repeatable; they
	 * are quoted in docs/decisions/0007.
	 */
	@Test
	void simulatedRetakesControlFalseAlarmsAndShowWhatARealShiftNeeds() {
		int retakes = 20000;
		Random random = new Random(7);
		double anyFlag = share(random, retakes, null, 0, false);
		double oldRule = share(random, retakes, null, 0, true);
		System.out.printf("Change simulation, %d retakes each (seed 7)%n", retakes);
		System.out.printf("  no real change: any meaningful flag %.2f %% (the old per-scale rule: %.1f %%)%n",
				100 * anyFlag, 100 * oldRule);
		assertThat(anyFlag).as("false alarms over all 35 scales").isLessThanOrEqualTo(0.05);
		assertThat(oldRule).as("the old rule flags most no-change retakes").isGreaterThan(0.5);
		for (double shift : new double[] { 1.0, 1.5, 2.0 }) {
			StringBuilder line = new StringBuilder(
					String.format("  true shift of %.1f SD in one domain, flagged:", shift));
			double lowest = 1;
			for (Domain domain : Domain.values()) {
				double power = share(random, retakes / 4, domain, shift, false);
				lowest = Math.min(lowest, power);
				line.append(String.format(" %s %.0f %%", domain.code(), 100 * power));
			}
			System.out.println(line);
			if (shift == 1.0) {
				assertThat(lowest).isGreaterThan(0.10);
			}
			if (shift == 2.0) {
				assertThat(lowest).as("a 2 SD shift is flagged in most cases").isGreaterThan(0.5);
			}
		}
		double independent = shareIndependent(random, retakes);
		System.out.printf("  no real change, every scale's error drawn independently: %.2f %%%n", 100 * independent);
	}

	/**
	 * The share of simulated retakes with a meaningful change: in the shifted domain when
	 * one is given, anywhere otherwise.
	 */
	private double share(Random random, int retakes, Domain shifted, double shiftInSd, boolean oldRule) {
		int hits = 0;
		Map<String, Double> before = middle();
		for (int n = 0; n < retakes; n++) {
			Map<String, Double> first = observe(random, before, null, 0);
			Map<String, Double> second = observe(random, before, shifted, shiftInSd);
			if (oldRule) {
				hits += oldRuleFlags(first, second) ? 1 : 0;
				continue;
			}
			ChangeReport report = ChangeReport.ofRaw(first, second, this.reliability);
			if (shifted == null) {
				hits += report.anyMeaningful() ? 1 : 0;
			}
			else {
				hits += report.of(shifted.code()).meaningful() ? 1 : 0;
			}
		}
		return (double) hits / retakes;
	}

	private double shareIndependent(Random random, int retakes) {
		int hits = 0;
		Map<String, Double> truth = middle();
		for (int n = 0; n < retakes; n++) {
			Map<String, Double> first = new HashMap<>();
			Map<String, Double> second = new HashMap<>();
			for (Map.Entry<String, Double> entry : truth.entrySet()) {
				double sem = this.reliability.standardError(entry.getKey());
				first.put(entry.getKey(), entry.getValue() + sem * random.nextGaussian());
				second.put(entry.getKey(), entry.getValue() + sem * random.nextGaussian());
			}
			hits += ChangeReport.ofRaw(first, second, this.reliability).anyMeaningful() ? 1 : 0;
		}
		return (double) hits / retakes;
	}

	/** Observed raw scores: facet truth (shifted if asked) plus error; domains summed. */
	private Map<String, Double> observe(Random random, Map<String, Double> truth, Domain shifted, double shiftInSd) {
		Map<String, Double> observed = new HashMap<>();
		for (Domain domain : Domain.values()) {
			List<Facet> facets = INVENTORY.facetsOf(domain);
			double facetSdSum = facets.stream()
				.mapToDouble((facet) -> this.norms.typicalStandardDeviation(facet.code()))
				.sum();
			double sum = 0;
			for (Facet facet : facets) {
				String code = facet.code();
				double sd = this.norms.typicalStandardDeviation(code);
				double shift = (domain == shifted)
						? shiftInSd * this.norms.typicalStandardDeviation(domain.code()) * sd / facetSdSum : 0;
				double value = truth.get(code) + shift + this.reliability.standardError(code) * random.nextGaussian();
				observed.put(code, value);
				sum += value;
			}
			observed.put(domain.code(), sum);
		}
		return observed;
	}

	/**
	 * Today's {@link Change}: each scale at 1.96 standard errors from the mean alphas.
	 */
	private boolean oldRuleFlags(Map<String, Double> first, Map<String, Double> second) {
		for (String code : first.keySet()) {
			double r = (code.length() == 1) ? Change.DOMAIN_RELIABILITY : Change.FACET_RELIABILITY;
			double threshold = 1.96 * this.norms.typicalStandardDeviation(code) * Math.sqrt(2 * (1 - r));
			if (Math.abs(second.get(code) - first.get(code)) > threshold) {
				return true;
			}
		}
		return false;
	}

	/** Every scale at the middle of its range. */
	private static Map<String, Double> middle() {
		Map<String, Double> raws = new HashMap<>();
		for (Domain domain : Domain.values()) {
			raws.put(domain.code(), 72.0);
			for (int number = 1; number <= 6; number++) {
				raws.put(domain.code() + number, 12.0);
			}
		}
		return raws;
	}

}
