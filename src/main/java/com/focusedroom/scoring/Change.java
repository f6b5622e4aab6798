package com.focusedroom.scoring;

/**
 * How one domain or facet score moved between two reports of the same person, and whether
 * the move is larger than re-taking the test could produce by chance.
 * <p>
 * "Meaningful" is the reliable change index of Jacobson and Truax (1991): a difference
 * counts when it exceeds 1.96 standard errors of the difference, SE = SD * sqrt(2 * (1 -
 * r)), where SD is the scale's typical standard deviation in Johnson's norms (see
 * {@link Norms}) and r its reliability: mean coefficient alpha .84 for the domains and
 * .68 for the facets (Johnson 2014). A 4-item facet is much less reliable than a 24-item
 * domain, so a facet must move much further to count.
 * <p>
 * Superseded by {@link ChangeReport}: testing each of the 35 scales at the 5 % level
 * flags something in most retakes with no real change, and the mean alphas ignore each
 * scale's own reliability. {@code ChangeReport} uses each scale's reliability
 * ({@link Reliability}) and controls the false alarms over the whole report. This class
 * is kept, unchanged, for callers not yet moved (it cannot carry {@code @Deprecated}
 * while they use it, the build treating warnings as errors).
 *
 * @param scale domain code ({@code C}) or facet code ({@code C5})
 * @param before the earlier 0-100 score
 * @param after the later 0-100 score
 * @param rawDifference later raw score minus earlier raw score
 * @param threshold the smallest raw difference that counts as meaningful
 */
public record Change(String scale, double before, double after, int rawDifference, double threshold) {

	/** Mean coefficient alpha of the IPIP-NEO-120 domain scales (Johnson 2014). */
	public static final double DOMAIN_RELIABILITY = 0.84;

	/** Mean coefficient alpha of the IPIP-NEO-120 facet scales (Johnson 2014). */
	public static final double FACET_RELIABILITY = 0.68;

	/**
	 * The change in a scale, judged against the norms' spread and the scale's
	 * reliability.
	 */
	public static Change of(String scale, int rawBefore, double before, int rawAfter, double after, Norms norms) {
		double reliability = (scale.length() == 1) ? DOMAIN_RELIABILITY : FACET_RELIABILITY;
		double standardError = norms.typicalStandardDeviation(scale) * Math.sqrt(2 * (1 - reliability));
		return new Change(scale, before, after, rawAfter - rawBefore, 1.96 * standardError);
	}

	/** The difference on the 0-100 scale, later minus earlier. */
	public double difference() {
		return Math.round((this.after - this.before) * 10) / 10.0;
	}

	/** Whether the move is larger than measurement error explains (95% confidence). */
	public boolean meaningful() {
		return Math.abs(this.rawDifference) > this.threshold;
	}

	/** A word for the reader: "up", "down" or "about the same". */
	public String direction() {
		if (!meaningful()) {
			return "about the same";
		}
		return (this.rawDifference > 0) ? "up" : "down";
	}

}
