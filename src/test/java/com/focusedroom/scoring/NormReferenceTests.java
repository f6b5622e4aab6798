package com.focusedroom.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormReferenceTests {

	private final Norms norms = Norms.johnson2014();

	@ParameterizedTest(name = "age {0} is compared with {1}")
	@CsvSource({ "10, people under 21", "13, people under 21", "20, people under 21", "21, people aged 21 to 40",
			"34, people aged 21 to 40", "41, people aged 41 to 60", "60, people aged 41 to 60", "61, people over 60",
			"120, people over 60" })
	void anAgeSelectsJohnsonsBandForBothSexes(int age, String label) {
		NormReference reference = NormReference.forAge(this.norms, age);
		assertThat(reference.label()).isEqualTo(label);
		assertThat(reference.pooled()).isFalse();
		assertThat(reference.members()).extracting(Norms.Group::sex).containsExactlyInAnyOrder(Sex.FEMALE, Sex.MALE);
	}

	@Test
	void withoutAUsableAgeAllEightGroupsArePooled() {
		for (Integer age : new Integer[] { null, 9, 0, 500 }) {
			NormReference reference = NormReference.forAge(this.norms, age);
			assertThat(reference.pooled()).as("age " + age).isTrue();
			assertThat(reference.label()).isEqualTo("people of all ages");
			assertThat(reference.members()).hasSize(8);
		}
	}

	@Test
	void theSexNeutralShareIsTheEqualMixtureOfTheWomensAndTheMensNormalDistributions() {
		NormReference reference = NormReference.forAge(this.norms, 34);
		Norms.Norm women = this.norms.group(Sex.FEMALE, 34).orElseThrow().norm("A");
		Norms.Norm men = this.norms.group(Sex.MALE, 34).orElseThrow().norm("A");
		for (int raw = 24; raw <= 120; raw++) {
			double expected = (Normal.cdf((raw - women.mean()) / women.sd())
					+ Normal.cdf((raw - men.mean()) / men.sd())) / 2;
			assertThat(reference.cumulative("A", raw)).isCloseTo(expected, within(1e-12));
			int low = Math.min(women.percentile(raw), men.percentile(raw));
			int high = Math.max(women.percentile(raw), men.percentile(raw));
			assertThat(reference.percentile("A", raw)).isBetween(low, high);
		}
	}

	@Test
	void allAgesPoolsEveryGroupEqually() {
		NormReference all = NormReference.allAges(this.norms);
		double sum = 0;
		for (Norms.Group group : this.norms.groups()) {
			Norms.Norm norm = group.norm("N3");
			sum += Normal.cdf((12 - norm.mean()) / norm.sd());
		}
		assertThat(all.cumulative("N3", 12)).isCloseTo(sum / 8, within(1e-12));
	}

	@Test
	void aHigherRawScoreNeverGivesALowerPositionAndTheMiddleIsZero() {
		NormReference reference = NormReference.forAge(this.norms, 50);
		double previous = Double.NEGATIVE_INFINITY;
		for (int raw = 4; raw <= 20; raw++) {
			double z = reference.z("C5", raw);
			assertThat(z).isGreaterThan(previous);
			previous = z;
			assertThat(Normal.cdf(z)).isCloseTo(reference.cumulative("C5", raw), within(1e-6));
		}
		assertThat(reference.percentile("C", 24)).isEqualTo(1);
		assertThat(reference.percentile("C", 120)).isGreaterThanOrEqualTo(95);
	}

	@Test
	void theInverseNormalIsExact() {
		assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-5));
		assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-6));
		assertThat(Normal.twoSided(0.01)).isCloseTo(2.575829, within(1e-5));
		assertThat(Normal.twoSided(0.01 / 6)).isCloseTo(3.143980, within(1e-4));
	}

}
