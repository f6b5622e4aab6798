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
	 * Φ⁻¹(p), the root of {@link #cdf(double)} = p (exact to its accuracy, 1.5e-7), for 0
	 * < p < 1; bounded to ±8. Newton steps with the normal density, kept inside a
	 * bisection bracket (a step that would leave it bisects instead): a handful of steps
	 * where plain bisection took 60, and every report computes 35 of these.
	 */
	static double quantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("A probability strictly between 0 and 1 is needed, not " + p);
		}
		double low = -8;
		double high = 8;
		double x = 0;
		for (int i = 0; i < 100 && high - low > 1e-13; i++) {
			double error = cdf(x) - p;
			if (error < 0) {
				low = x;
			}
			else {
				high = x;
			}
			double next = x - error / density(x);
			if (!(next > low && next < high)) {
				next = (low + high) / 2;
			}
			if (Math.abs(next - x) < 1e-13) {
				return next;
			}
			x = next;
		}
		return x;
	}

	private static double density(double z) {
		return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
	}

	/** The two-sided critical value for a significance level: Φ⁻¹(1 - α / 2). */
	static double twoSided(double alpha) {
		return quantile(1 - alpha / 2);
	}

}
