package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two reports of the same person, with the false alarms controlled
 * over all 35 scales of the report.
 * <p>
 * Each scale's change is judged against its own reliability: the standard error of a
 * difference is SD * sqrt(2) * sqrt(1 - alpha) in raw points ({@link Reliability}). The
 * five domains are tested first, each at the Bonferroni level {@value #FAMILY_ALPHA} / 5
 * (two-sided, |z| > 2.58). A facet is tested only inside a domain whose change was
 * meaningful, at {@value #FAMILY_ALPHA} / 5 / 6 (|z| > 3.14). So a retake with no real
 * change gets any "meaningful change" at most {@value #FAMILY_ALPHA} of the time: a facet
 * can only be flagged after its domain was. Each change comes with a band at the level it
 * was tested at, so "meaningful" means exactly "the band excludes zero". See
 * docs/decisions/0007 for the simulation of this rule.
 */
public final class ChangeReport {

	/** The chance of any false "meaningful change" in a retake with no real change. */
	public static final double FAMILY_ALPHA = 0.05;

	/** The level each domain is tested at. */
	public static final double DOMAIN_ALPHA = FAMILY_ALPHA / 5;

	/** The level each facet of a changed domain is tested at. */
	public static final double FACET_ALPHA = DOMAIN_ALPHA / 6;

	private static final double DOMAIN_Z = Normal.twoSided(DOMAIN_ALPHA);

	private static final double FACET_Z = Normal.twoSided(FACET_ALPHA);

	private final Map<String, ScaleChange> byCode;

	private ChangeReport(Map<String, ScaleChange> byCode) {
		this.byCode = byCode;
	}

	/**
	 * The change from an earlier to a later report, with the IPIP-NEO-120's reliabilities
	 * and Johnson's norms.
	 */
	public static ChangeReport between(Scores before, Scores after) {
		return between(before, after, Reliability.ipipNeo120());
	}

	public static ChangeReport between(Scores before, Scores after, Reliability reliability) {
		return ofRaw(raws(before), raws(after), reliability);
	}

	/**
	 * The change between two sets of raw scores by scale code (all 5 domains and 30
	 * facets), whole or not.
	 */
	public static ChangeReport ofRaw(Map<String, Double> before, Map<String, Double> after, Reliability reliability) {
		Map<String, ScaleChange> byCode = new LinkedHashMap<>();
		for (Domain domain : Domain.values()) {
			ScaleChange domainChange = change(domain.code(), before, after, reliability, DOMAIN_Z, true);
			byCode.put(domain.code(), domainChange);
			for (int number = 1; number <= 6; number++) {
				String code = domain.code() + number;
				byCode.put(code, change(code, before, after, reliability, FACET_Z, domainChange.meaningful()));
			}
		}
		return new ChangeReport(byCode);
	}

	private static ScaleChange change(String scale, Map<String, Double> before, Map<String, Double> after,
			Reliability reliability, double criticalZ, boolean tested) {
		double rawBefore = value(before, scale);
		double rawAfter = value(after, scale);
		int items = Scale.items(scale);
		double difference = rawAfter - rawBefore;
		double standardError = reliability.standardErrorOfDifference(scale);
		double halfWidth = criticalZ * standardError;
		boolean meaningful = tested && Math.abs(difference) > halfWidth;
		return new ScaleChange(scale, rawBefore, rawAfter, difference, Scale.toHundred(rawBefore, items),
				Scale.toHundred(rawAfter, items), round(Scale.differenceToHundred(difference, items)), standardError,
				criticalZ, halfWidth, round(Scale.differenceToHundred(difference - halfWidth, items)),
				round(Scale.differenceToHundred(difference + halfWidth, items)), tested, meaningful);
	}

	private static double value(Map<String, Double> raws, String scale) {
		Double value = raws.get(scale);
		if (value == null) {
			throw new IllegalArgumentException("No raw score for " + scale);
		}
		return value;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static Map<String, Double> raws(Scores scores) {
		Map<String, Double> raws = new HashMap<>();
		for (Scores.DomainScore domain : scores.domains()) {
			raws.put(domain.domain().code(), (double) domain.raw());
			for (Scores.FacetScore facet : domain.facets()) {
				raws.put(facet.facet().code(), (double) facet.raw());
			}
		}
		return raws;
	}

	/** A scale's change by code ({@code C}, {@code C5}). */
	public ScaleChange of(String code) {
		ScaleChange change = this.byCode.get(code);
		if (change == null) {
			throw new IllegalArgumentException("No change for " + code);
		}
		return change;
	}

	/** The five domains' changes in report order. */
	public List<ScaleChange> domains() {
		return this.byCode.values().stream().filter((change) -> Scale.isDomain(change.scale())).toList();
	}

	/** A domain's six facets' changes. */
	public List<ScaleChange> facetsOf(Domain domain) {
		return this.byCode.values()
			.stream()
			.filter((change) -> !Scale.isDomain(change.scale()) && change.scale().startsWith(domain.code()))
			.toList();
	}

	/** All 35 changes, each domain followed by its facets. */
	public List<ScaleChange> all() {
		return new ArrayList<>(this.byCode.values());
	}

	/** The changes that are meaningful. */
	public List<ScaleChange> meaningful() {
		return this.byCode.values().stream().filter(ScaleChange::meaningful).toList();
	}

	/** Whether anything changed meaningfully. */
	public boolean anyMeaningful() {
		return this.byCode.values().stream().anyMatch(ScaleChange::meaningful);
	}

	/**
	 * One scale's change.
	 *
	 * @param scale domain or facet code
	 * @param rawBefore earlier raw score
	 * @param rawAfter later raw score
	 * @param rawDifference later minus earlier, raw points
	 * @param before earlier score on the 0-100 scale
	 * @param after later score on the 0-100 scale
	 * @param difference later minus earlier on the 0-100 scale, one decimal
	 * @param standardError standard error of the difference, raw points
	 * @param criticalZ the standard errors a change must exceed at its test level
	 * @param threshold the smallest raw difference that counts (criticalZ *
	 * standardError)
	 * @param bandLow lower end of the change's band on the 0-100 scale (difference minus
	 * the threshold)
	 * @param bandHigh upper end of the band on the 0-100 scale
	 * @param tested whether the scale was tested (a facet only when its domain changed
	 * meaningfully)
	 * @param meaningful whether the change is larger than measurement error explains,
	 * with the false alarms of the whole report controlled
	 */
	public record ScaleChange(String scale, double rawBefore, double rawAfter, double rawDifference, double before,
			double after, double difference, double standardError, double criticalZ, double threshold, double bandLow,
			double bandHigh, boolean tested, boolean meaningful) {

		/** A word for the reader: "up", "down" or "about the same". */
		public String direction() {
			if (!this.meaningful) {
				return "about the same";
			}
			return (this.rawDifference > 0) ? "up" : "down";
		}

	}

}
