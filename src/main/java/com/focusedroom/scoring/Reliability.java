package com.focusedroom.scoring;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The reliability (coefficient alpha) of every IPIP-NEO-120 domain and facet scale, and
 * what follows from it: the standard error of measurement, the band a score is shown
 * with, and whether two scores can be told apart.
 * <p>
 * Read from {@code ipip/reliability-ipip-neo-120.csv}; each value says whether it was
 * {@linkplain Basis#REPORTED reported} by Johnson, {@linkplain Basis#ASSUMED assumed} (a
 * conservative stand-in where the value was not available to us) or
 * {@linkplain Basis#DERIVED derived}; see {@code ipip/SOURCES.md} and
 * docs/decisions/0007. The standard error uses the scale's typical standard deviation in
 * Johnson's norms ({@link Norms#typicalStandardDeviation(String)}): SEM = SD * sqrt(1 -
 * alpha).
 */
public final class Reliability {

	/** The confidence of the band a report shows with each score. */
	public static final double BAND_CONFIDENCE = 0.90;

	/**
	 * The confidence with which two scores must differ before a report may put one above
	 * the other (for example call one the highest and the other the lowest).
	 */
	public static final double DISTINCTION_CONFIDENCE = 0.95;

	private static final Reliability IPIP_NEO_120 = load("ipip/reliability-ipip-neo-120.csv", Norms.johnson2014());

	// Two-sided critical values of the two fixed confidences, found once (each is a
	// bisection of 60 steps).
	private static final double BAND_Z = Normal.twoSided(1 - BAND_CONFIDENCE);

	private static final double DISTINCTION_Z = Normal.twoSided(1 - DISTINCTION_CONFIDENCE);

	private final Map<String, Double> alphas;

	private final Map<String, Basis> bases;

	// SD * sqrt(1 - alpha) per scale, computed once: every score of every submission
	// needs it twice.
	private final Map<String, Double> standardErrors;

	private Reliability(Map<String, Double> alphas, Map<String, Basis> bases, Norms norms) {
		this.alphas = Map.copyOf(alphas);
		this.bases = Map.copyOf(bases);
		Map<String, Double> errors = new HashMap<>();
		alphas
			.forEach((scale, alpha) -> errors.put(scale, norms.typicalStandardDeviation(scale) * Math.sqrt(1 - alpha)));
		this.standardErrors = Map.copyOf(errors);
	}

	/** The IPIP-NEO-120's reliabilities, with Johnson's norms for the spreads. */
	public static Reliability ipipNeo120() {
		return IPIP_NEO_120;
	}

	/**
	 * Coefficient alpha of a scale.
	 * @param scale a domain code ({@code N}) or facet code ({@code N1})
	 */
	public double alpha(String scale) {
		Double alpha = this.alphas.get(scale);
		if (alpha == null) {
			throw new IllegalArgumentException("No reliability for " + scale);
		}
		return alpha;
	}

	/** Where the scale's alpha comes from. */
	public Basis basis(String scale) {
		alpha(scale);
		return this.bases.get(scale);
	}

	/** The standard error of measurement in raw points: SD * sqrt(1 - alpha). */
	public double standardError(String scale) {
		Double standardError = this.standardErrors.get(scale);
		if (standardError == null) {
			throw new IllegalArgumentException("No reliability for " + scale);
		}
		return standardError;
	}

	/**
	 * The standard error of the difference between two administrations, in raw points: SD
	 * * sqrt(2) * sqrt(1 - alpha).
	 */
	public double standardErrorOfDifference(String scale) {
		return Math.sqrt(2) * standardError(scale);
	}

	/**
	 * The standard error of a normed position ({@link NormReference#z}): sqrt(1 - alpha).
	 */
	public double standardErrorInStandardUnits(String scale) {
		return Math.sqrt(1 - alpha(scale));
	}

	/**
	 * The band around a raw score with {@link #BAND_CONFIDENCE}.
	 * @param reference the norm group for the band's percentiles
	 * @param scale the scale code
	 * @param raw the raw score
	 */
	public Band band(NormReference reference, String scale, double raw) {
		return band(reference, scale, raw, BAND_CONFIDENCE);
	}

	/** The band around a raw score with the given confidence (0 to 1). */
	public Band band(NormReference reference, String scale, double raw, double confidence) {
		int items = Scale.items(scale);
		double critical = (confidence == BAND_CONFIDENCE) ? BAND_Z : Normal.twoSided(1 - confidence);
		double halfWidth = critical * standardError(scale);
		double low = Math.max(items * Inventory.MIN_ANSWER, raw - halfWidth);
		double high = Math.min(items * Inventory.MAX_ANSWER, raw + halfWidth);
		return new Band(confidence, low, high, Scale.toHundred(low, items), Scale.toHundred(high, items),
				reference.percentile(scale, low), reference.percentile(scale, high));
	}

	/**
	 * Whether two normed scores can be told apart: their difference in standard units
	 * exceeds 1.96 standard errors of that difference, |z1 - z2| > 1.96 * sqrt((1 - r1) +
	 * (1 - r2)). When this is false their bands overlap heavily and a report must not put
	 * one above the other (not call one "highest" and the other "lowest").
	 */
	public boolean distinguishable(NormedScore a, NormedScore b) {
		double standardError = Math
			.sqrt(standardErrorInStandardUnits(a.scale()) * standardErrorInStandardUnits(a.scale())
					+ standardErrorInStandardUnits(b.scale()) * standardErrorInStandardUnits(b.scale()));
		return Math.abs(a.z() - b.z()) > DISTINCTION_Z * standardError;
	}

	private static Reliability load(String resource, Norms norms) {
		Map<String, Double> alphas = new LinkedHashMap<>();
		Map<String, Basis> bases = new LinkedHashMap<>();
		for (String[] row : Inventory.readCsv(resource)) {
			alphas.put(row[0], Double.parseDouble(row[1]));
			bases.put(row[0], Basis.valueOf(row[2].toUpperCase(Locale.ROOT)));
		}
		return new Reliability(alphas, bases, norms);
	}

	/** Where a reliability value comes from. */
	public enum Basis {

		/**
		 * Reported for the IPIP-NEO-120 by Johnson (coefficient alpha in his comparison
		 * table of the 300- and 120-item scales, ipip.ori.org).
		 */
		REPORTED,

		/**
		 * Not available to us; a conservative stand-in (the lowest reported IPIP-NEO-120
		 * facet alpha), so the band is if anything too wide.
		 */
		ASSUMED,

		/**
		 * Derived: the stratified alpha of the domain from its facets' alphas and the
		 * norm spreads, the lowest over the eight norm groups.
		 */
		DERIVED

	}

}
