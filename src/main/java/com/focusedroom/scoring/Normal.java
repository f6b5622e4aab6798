package com.focusedroom.scoring;

/**
 * The standard normal distribution: its cumulative distribution and its inverse.
 */
final class Normal {

	private Normal() {
	}

	/** Φ(z), the probability that a standard normal value is below z. */
	static double cdf(double z) {
		return Norms.Norm.standardNormal(z);
	}

	/**
	 * Φ⁻¹(p), found by bisection on {@link #cdf(double)} (exact to its accuracy, 1.5e-7),
	 * for 0 < p < 1; bounded to ±8.
	 */
	static double quantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("A probability strictly between 0 and 1 is needed, not " + p);
		}
		double low = -8;
		double high = 8;
		for (int i = 0; i < 60; i++) {
			double middle = (low + high) / 2;
			if (cdf(middle) < p) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return (low + high) / 2;
	}

	/** The two-sided critical value for a significance level: Φ⁻¹(1 - α / 2). */
	static double twoSided(double alpha) {
		return quantile(1 - alpha / 2);
	}

}
