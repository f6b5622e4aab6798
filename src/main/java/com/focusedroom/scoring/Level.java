package com.focusedroom.scoring;

/**
 * Where a score falls on its scale, in the words a report uses.
 */
public enum Level {

	LOW, AVERAGE, HIGH;

	/**
	 * The level of a 0-100 score: the middle fifth around the scale's centre (a mean
	 * answer of about 2.6 to 3.4, between "moderately inaccurate" and "moderately
	 * accurate") is average.
	 */
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
