package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The norm group a person is compared with, without knowing their sex.
 * <p>
 * Johnson's norms are split by sex and age band; the test asks for no sex. With an age,
 * the person is compared with an <em>equal mixture</em> of the women's and the men's
 * normal distributions of that age band: P(x) = (Φ((x - μw) / σw) + Φ((x - μm) / σm)) /
 * 2, the share of a population of as many women as men who score lower. Without a usable
 * age (none given, under 10, or outside every band) the person is compared with all ages
 * pooled: an equal mixture of all eight groups (four age bands by two sexes). The norm
 * table gives no group sizes, so an equal mixture is the only pooling that invents
 * nothing; it describes a population with as many people in each age band and of each
 * sex. See docs/decisions/0007.
 */
public final class NormReference {

	/** Label of the pooled reference. */
	public static final String ALL_AGES = "people of all ages";

	private final List<Norms.Group> members;

	private final String label;

	private final boolean pooled;

	private NormReference(List<Norms.Group> members, String label, boolean pooled) {
		this.members = List.copyOf(members);
		this.label = label;
		this.pooled = pooled;
	}

	/**
	 * The reference for an age: its band when the norms cover it, else all ages pooled.
	 * @param norms the norm table
	 * @param age the age given with the test, or null
	 */
	public static NormReference forAge(Norms norms, @Nullable Integer age) {
		if (age != null) {
			var women = norms.group(Sex.FEMALE, age);
			var men = norms.group(Sex.MALE, age);
			if (women.isPresent() && men.isPresent()) {
				return new NormReference(List.of(women.get(), men.get()), bandLabel(women.get()), false);
			}
		}
		return allAges(norms);
	}

	/** All eight groups of the table in an equal mixture. */
	public static NormReference allAges(Norms norms) {
		return new NormReference(new ArrayList<>(norms.groups()), ALL_AGES, true);
	}

	private static String bandLabel(Norms.Group group) {
		if (group.minAge() == 0) {
			return "people under " + (group.maxAge() + 1);
		}
		if (group.maxAge() >= 120) {
			return "people over " + (group.minAge() - 1);
		}
		return "people aged " + group.minAge() + " to " + group.maxAge();
	}

	/**
	 * How a report names the comparison group, for example "people aged 21 to 40" or
	 * "people of all ages".
	 */
	public String label() {
		return this.label;
	}

	/** Whether this is the all-ages reference used when no age is known. */
	public boolean pooled() {
		return this.pooled;
	}

	/** The norm groups mixed in equal parts. */
	public List<Norms.Group> members() {
		return this.members;
	}

	/**
	 * The exact share of the reference population expected to score below a raw score, 0
	 * to 1.
	 * @param scale a domain code ({@code N}) or facet code ({@code N1})
	 * @param raw the raw score (sum of keyed answers), whole or not
	 */
	public double cumulative(String scale, double raw) {
		double sum = 0;
		for (Norms.Group group : this.members) {
			Norms.Norm norm = group.norm(scale);
			sum += Normal.cdf((raw - norm.mean()) / norm.sd());
		}
		return sum / this.members.size();
	}

	/**
	 * The percentile a report shows: the percentage expected to score lower, rounded and
	 * kept within 1 to 99 as in Johnson's program.
	 */
	public int percentile(String scale, double raw) {
		long percent = Math.round(100 * cumulative(scale, raw));
		return (int) Math.max(1, Math.min(99, percent));
	}

	/**
	 * The normed position in standard units: the standard normal value with the same
	 * share below it, Φ⁻¹(P) (within ±6). Comparable across scales of different lengths
	 * and spreads; 0 is the middle of the reference population.
	 */
	public double z(String scale, double raw) {
		double p = Math.max(1e-9, Math.min(1 - 1e-9, cumulative(scale, raw)));
		return Normal.quantile(p);
	}

	@Override
	public String toString() {
		return this.label;
	}

}
