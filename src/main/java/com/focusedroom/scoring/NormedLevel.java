package com.focusedroom.scoring;

import java.util.Locale;

/**
 * Where a score falls among other people, in five bands of the normed percentile.
 * <p>
 * The bands are the normal curve cut at ±0.5 and ±1.5 standard deviations (T scores 45,
 * 55, 35 and 65): very low below the 7th percentile, low 7 to 30, average 31 to 69, high
 * 70 to 93, very high above 93. The inner cut-offs are those of Johnson's own IPIP-NEO
 * report program (low below T 45, high above T 55, "approximately the lowest 30%, middle
 * 40%, highest 30%"); the outer ones are the usual profile bands of the NEO PI-R (T 35
 * and 65). The bands are symmetric around the 50th percentile, so a level is never high
 * below it nor low above it. See docs/decisions/0007.
 */
public enum NormedLevel {

	VERY_LOW, LOW, AVERAGE, HIGH, VERY_HIGH;

	/** Highest percentile that is very low: Φ(-1.5) = 6.7 %. */
	public static final int VERY_LOW_MAX = 6;

	/** Highest percentile that is low: Φ(-0.5) = 30.9 %. */
	public static final int LOW_MAX = 30;

	/** Lowest percentile that is high: Φ(0.5) = 69.1 %. */
	public static final int HIGH_MIN = 70;

	/** Lowest percentile that is very high: Φ(1.5) = 93.3 %. */
	public static final int VERY_HIGH_MIN = 94;

	/**
	 * The level of a percentile as shown (1 to 99).
	 */
	public static NormedLevel ofPercentile(int percentile) {
		if (percentile <= VERY_LOW_MAX) {
			return VERY_LOW;
		}
		if (percentile <= LOW_MAX) {
			return LOW;
		}
		if (percentile < HIGH_MIN) {
			return AVERAGE;
		}
		return (percentile < VERY_HIGH_MIN) ? HIGH : VERY_HIGH;
	}

	/**
	 * The three-word level (low, average, high) with the same meaning, for texts written
	 * for three levels: very low counts as low, very high as high.
	 */
	public Level coarse() {
		return switch (this) {
			case VERY_LOW, LOW -> Level.LOW;
			case AVERAGE -> Level.AVERAGE;
			case HIGH, VERY_HIGH -> Level.HIGH;
		};
	}

	/** For a reader: "Very low", "Low", "Average", "High", "Very high". */
	public String label() {
		String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** As in stored documents and the API: "very-low", "low", ... "very-high". */
	public String code() {
		return name().replace('_', '-').toLowerCase(Locale.ROOT);
	}

}
