package com.focusedroom.scoring;

/**
 * How sure a score is: the range around it that holds the person's true score with the
 * stated confidence, from the scale's standard error of measurement (observed score ± z
 * SEM, kept within the scale), on the raw scale, on the 0-100 scale and as normed
 * percentiles.
 *
 * @param confidence for example 0.90
 * @param rawLow lower end on the raw scale
 * @param rawHigh upper end on the raw scale
 * @param scoreLow lower end on the 0-100 scale, one decimal
 * @param scoreHigh upper end on the 0-100 scale, one decimal
 * @param percentileLow the percentile of the lower end (1 to 99)
 * @param percentileHigh the percentile of the upper end (1 to 99)
 */
public record Band(double confidence, double rawLow, double rawHigh, double scoreLow, double scoreHigh,
		int percentileLow, int percentileHigh) {

	/**
	 * Whether the whole band lies above the middle of the norm group (50th percentile).
	 */
	public boolean aboveMiddle() {
		return this.percentileLow > 50;
	}

	/** Whether the whole band lies below the middle of the norm group. */
	public boolean belowMiddle() {
		return this.percentileHigh < 50;
	}

}
