package com.focusedroom.scoring;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the normed profile for any answers and any age, checked over thousands of
 * random protocols (fixed seed, so a failure can be repeated): uniform random answers,
 * which reach the ends of the scales, and careful answers from a latent trait model; ages
 * 13 to 120 and missing ages.
 */
class NormedProfilePropertyTests {

	private static final int PROTOCOLS = 5000;

	private final Scorer scorer = new Scorer(Inventory.ipipNeo120());

	@Test
	void aLevelIsNeverHighBelowTheMiddleNorLowAboveItAndAlwaysFollowsThePercentile() {
		Random random = new Random(20240611);
		int missingAges = 0;
		int high = 0;
		int low = 0;
		for (int n = 0; n < PROTOCOLS; n++) {
			List<Integer> answers = (n % 2 == 0) ? Responders.uniform(random) : Responders.careful(random);
			Integer age = (random.nextInt(5) == 0) ? null : 13 + random.nextInt(108);
			if (age == null) {
				missingAges++;
			}
			NormedProfile profile = NormedProfile.of(this.scorer.score(answers), age);
			assertThat(profile.reference().pooled()).isEqualTo(age == null);
			assertThat(profile.all()).hasSize(35);
			for (NormedScore score : profile.all()) {
				String what = score.scale() + " of protocol " + n + ", age " + age;
				assertThat(score.level()).as(what).isEqualTo(NormedLevel.ofPercentile(score.percentile()));
				if (score.level() == NormedLevel.HIGH || score.level() == NormedLevel.VERY_HIGH) {
					assertThat(score.percentile()).as(what).isGreaterThan(50);
					assertThat(score.level().coarse()).isEqualTo(Level.HIGH);
					high++;
				}
				if (score.level() == NormedLevel.LOW || score.level() == NormedLevel.VERY_LOW) {
					assertThat(score.percentile()).as(what).isLessThan(50);
					assertThat(score.level().coarse()).isEqualTo(Level.LOW);
					low++;
				}
				assertThat(score.percentile()).isBetween(1, 99);
				assertThat(score.z() > 0).as(what)
					.isEqualTo(profile.reference().cumulative(score.scale(), score.raw()) > 0.5);
				Band band = score.band();
				assertThat(band.rawLow()).isLessThanOrEqualTo(score.raw());
				assertThat(band.rawHigh()).isGreaterThanOrEqualTo(score.raw());
				assertThat(band.scoreLow()).isLessThanOrEqualTo(score.score()).isGreaterThanOrEqualTo(0.0);
				assertThat(band.scoreHigh()).isGreaterThanOrEqualTo(score.score()).isLessThanOrEqualTo(100.0);
				assertThat(band.percentileLow()).isLessThanOrEqualTo(score.percentile());
				assertThat(band.percentileHigh()).isGreaterThanOrEqualTo(score.percentile());
				if (score.distinctive()) {
					assertThat(score.level()).isNotEqualTo(NormedLevel.AVERAGE);
				}
			}
			for (List<NormedScore> group : List.of(profile.domains(), profile.facets())) {
				List<NormedScore> highest = profile.highest(group);
				List<NormedScore> lowest = profile.lowest(group);
				for (NormedScore top : highest) {
					for (NormedScore bottom : lowest) {
						if (top != bottom && highest.size() == 1 && lowest.size() == 1) {
							assertThat(profile.distinguishable(top, bottom)).isTrue();
						}
					}
				}
			}
		}
		assertThat(missingAges).isBetween(PROTOCOLS / 10, PROTOCOLS / 3);
		assertThat(high).as("the check saw high levels").isGreaterThan(1000);
		assertThat(low).as("the check saw low levels").isGreaterThan(1000);
	}

}
