package com.focusedroom.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NormedLevelTests {

	@ParameterizedTest(name = "percentile {0} is {1}")
	@CsvSource({ "1, VERY_LOW", "6, VERY_LOW", "7, LOW", "30, LOW", "31, AVERAGE", "50, AVERAGE", "69, AVERAGE",
			"70, HIGH", "93, HIGH", "94, VERY_HIGH", "99, VERY_HIGH" })
	void theBandsCutThePercentile(int percentile, NormedLevel level) {
		assertThat(NormedLevel.ofPercentile(percentile)).isEqualTo(level);
	}

	@Test
	void theCutOffsAreHalfAndOneAndAHalfStandardDeviations() {
		assertThat(100 * Normal.cdf(-1.5)).isBetween(NormedLevel.VERY_LOW_MAX + 0.0, NormedLevel.VERY_LOW_MAX + 1.0);
		assertThat(100 * Normal.cdf(-0.5)).isBetween(NormedLevel.LOW_MAX + 0.0, NormedLevel.LOW_MAX + 1.0);
		assertThat(100 * Normal.cdf(0.5)).isBetween(NormedLevel.HIGH_MIN - 1.0, NormedLevel.HIGH_MIN + 0.0);
		assertThat(100 * Normal.cdf(1.5)).isBetween(NormedLevel.VERY_HIGH_MIN - 1.0, NormedLevel.VERY_HIGH_MIN + 0.0);
	}

	@Test
	void theBandsAreSymmetricAroundTheMiddle() {
		for (int percentile = 1; percentile <= 99; percentile++) {
			NormedLevel level = NormedLevel.ofPercentile(percentile);
			NormedLevel mirror = NormedLevel.ofPercentile(100 - percentile);
			assertThat(mirror.ordinal()).as("percentile " + percentile).isEqualTo(4 - level.ordinal());
		}
	}

	@Test
	void theThreeWordLevelKeepsTheMeaning() {
		assertThat(NormedLevel.VERY_LOW.coarse()).isEqualTo(Level.LOW);
		assertThat(NormedLevel.LOW.coarse()).isEqualTo(Level.LOW);
		assertThat(NormedLevel.AVERAGE.coarse()).isEqualTo(Level.AVERAGE);
		assertThat(NormedLevel.HIGH.coarse()).isEqualTo(Level.HIGH);
		assertThat(NormedLevel.VERY_HIGH.coarse()).isEqualTo(Level.HIGH);
		assertThat(NormedLevel.VERY_HIGH.label()).isEqualTo("Very high");
		assertThat(NormedLevel.VERY_LOW.code()).isEqualTo("very-low");
	}

}
