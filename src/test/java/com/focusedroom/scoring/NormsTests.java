package com.focusedroom.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormsTests {

	private final Norms norms = Norms.johnson2014();

	@Test
	void theTableHoldsEightGroupsWithAMeanAndSpreadForEveryDomainAndFacet() {
		assertThat(this.norms.groups()).hasSize(8);
		for (Norms.Group group : this.norms.groups()) {
			assertThat(group.norms()).hasSize(35);
			for (Domain domain : Domain.values()) {
				assertThat(group.norm(domain.code()).mean()).isBetween(24.0, 120.0);
			}
		}
	}

	@Test
	void eachGroupsFacetMeansAddUpToItsDomainMeanSoNoNumberWasMistyped() {
		for (Norms.Group group : this.norms.groups()) {
			for (Domain domain : Domain.values()) {
				double facets = Inventory.ipipNeo120()
					.facetsOf(domain)
					.stream()
					.mapToDouble((facet) -> group.norm(facet.code()).mean())
					.sum();
				assertThat(facets).as(group.description() + " " + domain)
					.isCloseTo(group.norm(domain.code()).mean(), within(0.7));
			}
		}
	}

	@ParameterizedTest(name = "{0} {1}, {2}: mean {3}, sd {4}")
	@CsvSource({ "MALE, 36, N, 66.97, 16.48", "MALE, 18, E1, 13.76, 3.78", "FEMALE, 70, C6, 15.11, 3.66",
			"FEMALE, 50, A, 95.73, 9.84", "MALE, 61, O, 79.78, 12.21" })
	void theNumbersAreThoseOfJohnsonsPublishedScoringProgram(Sex sex, int age, String scale, double mean, double sd) {
		Norms.Norm norm = this.norms.group(sex, age).orElseThrow().norm(scale);
		assertThat(norm.mean()).isEqualTo(mean);
		assertThat(norm.sd()).isEqualTo(sd);
	}

	@ParameterizedTest(name = "age {0} is compared with {1}")
	@CsvSource({ "13, women under 21", "20, women under 21", "21, women aged 21 to 40", "40, women aged 21 to 40",
			"41, women aged 41 to 60", "60, women aged 41 to 60", "61, women over 60", "120, women over 60" })
	void theAgeBandsAreJohnsons(int age, String description) {
		assertThat(this.norms.group(Sex.FEMALE, age).orElseThrow().description()).isEqualTo(description);
	}

	@Test
	void withoutAnAgeThereIsNoComparison() {
		assertThat(this.norms.group(Sex.MALE, null)).isEmpty();
		assertThat(this.norms.group(Sex.MALE, 9)).isEmpty();
	}

	@Test
	void theMeanIsTheFiftiethPercentileAndOneSpreadAboveIsTheEightyFourth() {
		Norms.Norm norm = new Norms.Norm(60, 10);
		assertThat(norm.percentile(60)).isEqualTo(50);
		assertThat(norm.percentile(70)).isEqualTo(84);
		assertThat(norm.percentile(50)).isEqualTo(16);
		assertThat(norm.tScore(70)).isEqualTo(60.0);
	}

	@Test
	void percentilesStayWithinOneToNinetyNineAsInJohnsonsProgram() {
		Norms.Norm norm = new Norms.Norm(60, 10);
		assertThat(norm.percentile(120)).isEqualTo(99);
		assertThat(norm.percentile(0)).isEqualTo(1);
	}

	@Test
	void aHigherRawScoreNeverGivesALowerPercentile() {
		Norms.Group group = this.norms.group(Sex.MALE, 30).orElseThrow();
		int previous = 0;
		for (int raw = 24; raw <= 120; raw++) {
			int percentile = group.percentile("C", raw);
			assertThat(percentile).isGreaterThanOrEqualTo(previous);
			previous = percentile;
		}
	}

}
