package com.focusedroom.scoring;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReliabilityTests {

	private final Reliability reliability = Reliability.ipipNeo120();

	private final Norms norms = Norms.johnson2014();

	/**
	 * Coefficient alpha of the IPIP-NEO-120 facets as in Johnson's comparison table of
	 * the 300- and 120-item IPIP-NEO scales (ipip.ori.org, IPIP300-120ComparisonTable),
	 * the part of it available to us.
	 */
	private static final Map<String, Double> REPORTED = Map.ofEntries(Map.entry("N1", 0.71), Map.entry("N2", 0.77),
			Map.entry("N3", 0.80), Map.entry("N4", 0.63), Map.entry("N5", 0.69), Map.entry("N6", 0.70),
			Map.entry("E1", 0.77), Map.entry("E2", 0.60), Map.entry("E3", 0.75), Map.entry("E4", 0.68),
			Map.entry("E5", 0.67), Map.entry("E6", 0.71), Map.entry("O1", 0.70), Map.entry("O2", 0.72),
			Map.entry("O3", 0.67));

	@Test
	void everyScaleHasAReliabilityAndSaysWhereItComesFrom() {
		for (Facet facet : Inventory.ipipNeo120().facets()) {
			String code = facet.code();
			if (REPORTED.containsKey(code)) {
				assertThat(this.reliability.alpha(code)).as(code).isEqualTo(REPORTED.get(code));
				assertThat(this.reliability.basis(code)).isEqualTo(Reliability.Basis.REPORTED);
			}
			else {
				assertThat(this.reliability.basis(code)).as(code).isEqualTo(Reliability.Basis.ASSUMED);
			}
		}
		for (Domain domain : Domain.values()) {
			assertThat(this.reliability.basis(domain.code())).isEqualTo(Reliability.Basis.DERIVED);
		}
	}

	@Test
	void anUnreportedFacetGetsTheLowestReportedFacetAlpha() {
		double lowest = REPORTED.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		assertThat(lowest).isEqualTo(0.60);
		for (Facet facet : Inventory.ipipNeo120().facets()) {
			if (!REPORTED.containsKey(facet.code())) {
				assertThat(this.reliability.alpha(facet.code())).isEqualTo(lowest);
			}
		}
	}

	@Test
	void aDomainsAlphaIsItsStratifiedAlphaInTheLeastReliableNormGroupRoundedDown() {
		double sum = 0;
		for (Domain domain : Domain.values()) {
			double lowest = 1;
			for (Norms.Group group : this.norms.groups()) {
				double error = 0;
				for (Facet facet : Inventory.ipipNeo120().facetsOf(domain)) {
					double sd = group.norm(facet.code()).sd();
					error += sd * sd * (1 - this.reliability.alpha(facet.code()));
				}
				double sd = group.norm(domain.code()).sd();
				lowest = Math.min(lowest, 1 - error / (sd * sd));
			}
			double alpha = this.reliability.alpha(domain.code());
			assertThat(alpha).as(domain.code()).isLessThanOrEqualTo(lowest).isGreaterThan(lowest - 0.01);
			sum += alpha;
		}
		assertThat(sum / 5).as("Johnson's reported mean domain alpha is .84").isCloseTo(0.84, within(0.01));
	}

	@Test
	void theStandardErrorFollowsFromTheSpreadAndTheReliability() {
		double sd = this.norms.typicalStandardDeviation("E2");
		assertThat(this.reliability.standardError("E2")).isCloseTo(sd * Math.sqrt(1 - 0.60), within(1e-12));
		assertThat(this.reliability.standardErrorOfDifference("E2")).isCloseTo(sd * Math.sqrt(2) * Math.sqrt(0.40),
				within(1e-12));
		assertThat(this.reliability.standardErrorInStandardUnits("N")).isCloseTo(Math.sqrt(0.10), within(1e-12));
	}

	@Test
	void theBandIsNinetyPercentAroundTheScoreWithinTheScale() {
		NormReference reference = NormReference.forAge(this.norms, 30);
		Band band = this.reliability.band(reference, "N", 70);
		double half = 1.644854 * this.reliability.standardError("N");
		assertThat(band.confidence()).isEqualTo(0.90);
		assertThat(band.rawLow()).isCloseTo(70 - half, within(1e-3));
		assertThat(band.rawHigh()).isCloseTo(70 + half, within(1e-3));
		assertThat(band.percentileLow()).isEqualTo(reference.percentile("N", 70 - half));
		Band edge = this.reliability.band(reference, "N1", 20);
		assertThat(edge.rawHigh()).isEqualTo(20.0);
		assertThat(edge.scoreHigh()).isEqualTo(100.0);
	}

	@Test
	void twoScoresAreApartOnlyBeyondTheirCombinedError() {
		double limit = 1.959964 * Math.sqrt(0.40 + 0.29);
		NormedScore e2 = score("E2", 0.0);
		assertThat(this.reliability.distinguishable(e2, score("N1", limit - 0.01))).isFalse();
		assertThat(this.reliability.distinguishable(e2, score("N1", limit + 0.01))).isTrue();
		assertThat(this.reliability.distinguishable(score("N", 0), score("E", 1.0))).isTrue();
	}

	private NormedScore score(String scale, double z) {
		return new NormedScore(scale, scale, 0, 0, 50, z, NormedLevel.AVERAGE, this.reliability.alpha(scale),
				this.reliability.standardError(scale), new Band(0.9, 0, 0, 0, 0, 50, 50));
	}

}
