package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Published norms of the IPIP-NEO-120: the mean and standard deviation of every domain
 * and facet raw score, for men and for women in four age bands.
 * <p>
 * Source: J. A. Johnson's public IPIP-NEO-120 scoring program (the norms behind his
 * online short IPIP-NEO, described in Johnson, J. A. (2014). Measuring thirty facets of
 * the Five Factor Model with a 120-item public domain inventory: Development of the
 * IPIP-NEO-120. Journal of Research in Personality, 51, 78-89), copied without change
 * into {@code ipip/norms-johnson-2014.csv}; see {@code ipip/SOURCES.md}. Johnson's
 * program turns a raw score into a T score (50 + 10 z) and that into a percentile; so do
 * we, with the normal distribution rather than his cubic approximation of it, and clamped
 * to 1-99 as he does.
 */
public final class Norms {

	/** How a report cites these numbers. */
	public static final String CITATION = "Johnson, J. A. (2014). Measuring thirty facets of the Five Factor Model"
			+ " with a 120-item public domain inventory: Development of the IPIP-NEO-120. Journal of Research in"
			+ " Personality, 51, 78-89; norms by sex and age from the author's public IPIP-NEO-120 scoring program";

	/** The youngest age Johnson's program scores. */
	static final int MIN_AGE = 10;

	private static final Norms JOHNSON_2014 = load("ipip/norms-johnson-2014.csv");

	private final List<Group> groups;

	// Averaged once per scale: every submission asks for each of the 35 scales' spread
	// (a stream over the eight groups each time was 8 % of a submission's CPU, issue
	// 14.4).
	private final Map<String, Double> typicalStandardDeviations;

	private Norms(List<Group> groups) {
		this.groups = List.copyOf(groups);
		Map<String, Double> spreads = new HashMap<>();
		for (String scale : this.groups.get(0).norms().keySet()) {
			spreads.put(scale,
					this.groups.stream().mapToDouble((group) -> group.norm(scale).sd()).average().orElseThrow());
		}
		this.typicalStandardDeviations = Map.copyOf(spreads);
	}

	public static Norms johnson2014() {
		return JOHNSON_2014;
	}

	/**
	 * The norm group for a sex and an age, or empty for an age the norms do not cover (no
	 * age given, or under 10, which Johnson's program also refuses).
	 */
	public Optional<Group> group(Sex sex, Integer age) {
		if (age == null || age < MIN_AGE) {
			return Optional.empty();
		}
		return this.groups.stream()
			.filter((group) -> group.sex() == sex && age >= group.minAge() && age <= group.maxAge())
			.findFirst();
	}

	/** Every group, for checks over the whole table. */
	public List<Group> groups() {
		return this.groups;
	}

	/**
	 * The standard deviation of a scale averaged over all norm groups: a typical spread
	 * of the scale among people, used to judge how large a change is.
	 * @param scale a domain code ({@code N}) or facet code ({@code N1})
	 */
	public double typicalStandardDeviation(String scale) {
		Double spread = this.typicalStandardDeviations.get(scale);
		if (spread == null) {
			throw new IllegalArgumentException("No norm for " + scale);
		}
		return spread;
	}

	private static Norms load(String resource) {
		Map<String, Map<String, Norm>> byGroup = new HashMap<>();
		List<String> keys = new ArrayList<>();
		for (String[] row : Inventory.readCsv(resource)) {
			String key = row[0] + "," + row[1] + "," + row[2];
			if (!byGroup.containsKey(key)) {
				keys.add(key);
			}
			byGroup.computeIfAbsent(key, (k) -> new HashMap<>())
				.put(row[3], new Norm(Double.parseDouble(row[4]), Double.parseDouble(row[5])));
		}
		List<Group> groups = new ArrayList<>();
		for (String key : keys) {
			String[] parts = key.split(",");
			groups.add(new Group(Sex.valueOf(parts[0].toUpperCase(Locale.ROOT)), Integer.parseInt(parts[1]),
					Integer.parseInt(parts[2]), byGroup.get(key)));
		}
		return new Norms(groups);
	}

	/**
	 * One norm group.
	 *
	 * @param sex who is in it
	 * @param minAge youngest age, inclusive
	 * @param maxAge oldest age, inclusive
	 * @param norms mean and standard deviation per scale code
	 */
	public record Group(Sex sex, int minAge, int maxAge, Map<String, Norm> norms) {

		public Group {
			norms = Map.copyOf(norms);
		}

		public Norm norm(String scale) {
			Norm norm = this.norms.get(scale);
			if (norm == null) {
				throw new IllegalArgumentException("No norm for " + scale);
			}
			return norm;
		}

		/** How a report names the group, for example "women aged 21 to 40". */
		public String description() {
			if (this.minAge == 0) {
				return this.sex.plural() + " under " + (this.maxAge + 1);
			}
			if (this.maxAge >= 120) {
				return this.sex.plural() + " over " + (this.minAge - 1);
			}
			return this.sex.plural() + " aged " + this.minAge + " to " + this.maxAge;
		}

		/**
		 * Where a raw score falls among this group: the percentage of the group expected
		 * to score lower, 1 to 99.
		 * @param scale a domain code ({@code N}) or facet code ({@code N1})
		 * @param raw the raw score (sum of keyed answers)
		 */
		public int percentile(String scale, int raw) {
			return norm(scale).percentile(raw);
		}

	}

	/**
	 * The mean and standard deviation of one raw scale in one group.
	 *
	 * @param mean mean raw score
	 * @param sd standard deviation of the raw score
	 */
	public record Norm(double mean, double sd) {

		/** The T score: 50 at the group mean, 10 points per standard deviation. */
		public double tScore(int raw) {
			return 50 + 10 * (raw - this.mean) / this.sd;
		}

		public int percentile(int raw) {
			double z = (raw - this.mean) / this.sd;
			long percent = Math.round(100 * standardNormal(z));
			return (int) Math.max(1, Math.min(99, percent));
		}

		/**
		 * The standard normal cumulative distribution (Abramowitz and Stegun 7.1.26 for
		 * erf, absolute error below 1.5e-7).
		 */
		static double standardNormal(double z) {
			double x = Math.abs(z) / Math.sqrt(2);
			double t = 1 / (1 + 0.3275911 * x);
			double erf = 1
					- (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
							* Math.exp(-x * x);
			return (z >= 0) ? (1 + erf) / 2 : (1 - erf) / 2;
		}

	}

}
