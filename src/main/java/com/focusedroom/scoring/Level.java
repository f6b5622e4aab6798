package com.focusedroom.scoring;

/**
 * Three level words: low, average, high.
 * <p>
 * What a report says about a person compared with others comes from the norms:
 * {@link NormedLevel} (five bands of the normed percentile, {@link NormedProfile}), whose
 * {@link NormedLevel#coarse()} gives this three-word level with the same meaning for
 * texts written for three levels. The level held in {@link Scores} is the older one from
 * the raw 0-100 scale, kept for stored results and callers not yet moved.
 */
public enum Level {

	LOW, AVERAGE, HIGH;

	/**
	 * The level of a 0-100 score: the middle fifth around the scale's centre (a mean
	 * answer of about 2.6 to 3.4, between "moderately inaccurate" and "moderately
	 * accurate") is average.
	 * @deprecated the raw scale says how strongly the statements were endorsed, not how
	 * the person compares with others; use {@link NormedLevel#ofPercentile(int)} (via
	 * {@link NormedProfile}) and {@link NormedLevel#coarse()}
	 */
	@Deprecated
	static Level of(double score) {
		if (score < 40) {
			return LOW;
		}
		return (score > 60) ? HIGH : AVERAGE;
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
