package com.focusedroom.scoring;

/**
 * One domain or facet score placed among other people: what a report, the PDF and the API
 * show for it.
 *
 * @param scale domain code ({@code N}) or facet code ({@code N1})
 * @param name the scale's name, for example "Neuroticism" or "Anxiety"
 * @param raw the raw score (sum of keyed answers)
 * @param score the raw score on the 0-100 scale (how strongly the statements were
 * endorsed, not a comparison with others)
 * @param percentile the normed percentile, 1 to 99
 * @param z the normed position in standard units (0 = the middle of the norm group)
 * @param level the level word from the percentile
 * @param reliability the scale's coefficient alpha
 * @param standardError the standard error of measurement in raw points
 * @param band the uncertainty band ({@link Reliability#BAND_CONFIDENCE})
 */
public record NormedScore(String scale, String name, int raw, double score, int percentile, double z, NormedLevel level,
		double reliability, double standardError, Band band) {

	/** Whether this is a domain (rather than a facet) score. */
	public boolean isDomain() {
		return Scale.isDomain(this.scale);
	}

	/**
	 * Whether the score sets the person apart with confidence: its level is not average
	 * and its whole band lies on one side of the norm group's middle.
	 */
	public boolean distinctive() {
		return this.level != NormedLevel.AVERAGE && (this.band.aboveMiddle() || this.band.belowMiddle());
	}

}
