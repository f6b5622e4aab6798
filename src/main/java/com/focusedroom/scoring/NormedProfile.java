package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A person's scores placed among other people: for every domain and facet the normed
 * percentile, the level word from it, the normed position in standard units and the
 * uncertainty band, all against one {@link NormReference}.
 * <p>
 * Everything a report says about strengths, "highest", "lowest" or "distinctive" should
 * come from here, never from the 0-100 scale.
 */
public final class NormedProfile {

	private final NormReference reference;

	private final Reliability reliability;

	private final Map<String, NormedScore> byCode;

	private final List<NormedScore> domains;

	private NormedProfile(NormReference reference, Reliability reliability, Map<String, NormedScore> byCode,
			List<NormedScore> domains) {
		this.reference = reference;
		this.reliability = reliability;
		this.byCode = byCode;
		this.domains = List.copyOf(domains);
	}

	/**
	 * The profile against Johnson's norms for an age (all ages pooled without one), with
	 * the IPIP-NEO-120's reliabilities.
	 * @param scores the scored answers
	 * @param age the age given with the test, or null
	 */
	public static NormedProfile of(Scores scores, @Nullable Integer age) {
		return of(scores, NormReference.forAge(Norms.johnson2014(), age), Reliability.ipipNeo120());
	}

	/** The profile against a chosen reference. */
	public static NormedProfile of(Scores scores, NormReference reference, Reliability reliability) {
		Map<String, NormedScore> byCode = new LinkedHashMap<>();
		List<NormedScore> domains = new ArrayList<>();
		for (Scores.DomainScore domain : scores.domains()) {
			NormedScore normed = normed(domain.domain().code(), domain.domain().displayName(), domain.raw(),
					domain.score(), reference, reliability);
			domains.add(normed);
			byCode.put(normed.scale(), normed);
			for (Scores.FacetScore facet : domain.facets()) {
				byCode.put(facet.facet().code(), normed(facet.facet().code(), facet.facet().name(), facet.raw(),
						facet.score(), reference, reliability));
			}
		}
		return new NormedProfile(reference, reliability, byCode, domains);
	}

	private static NormedScore normed(String code, String name, int raw, double score, NormReference reference,
			Reliability reliability) {
		int percentile = reference.percentile(code, raw);
		return new NormedScore(code, name, raw, score, percentile, reference.z(code, raw),
				NormedLevel.ofPercentile(percentile), reliability.alpha(code), reliability.standardError(code),
				reliability.band(reference, code, raw));
	}

	/**
	 * The norm group compared with (say which in the report:
	 * {@link NormReference#label()}).
	 */
	public NormReference reference() {
		return this.reference;
	}

	/** A domain's or facet's normed score by code ({@code C}, {@code C5}). */
	public NormedScore of(String code) {
		NormedScore score = this.byCode.get(code);
		if (score == null) {
			throw new IllegalArgumentException("No score for " + code);
		}
		return score;
	}

	public NormedScore of(Domain domain) {
		return of(domain.code());
	}

	/** The five domains in report order. */
	public List<NormedScore> domains() {
		return this.domains;
	}

	/** A domain's six facets in order. */
	public List<NormedScore> facetsOf(Domain domain) {
		return this.byCode.values()
			.stream()
			.filter((score) -> !score.isDomain() && score.scale().startsWith(domain.code()))
			.toList();
	}

	/** All 30 facets in report order. */
	public List<NormedScore> facets() {
		return this.byCode.values().stream().filter((score) -> !score.isDomain()).toList();
	}

	/** All 35 scores, each domain followed by its facets. */
	public List<NormedScore> all() {
		return List.copyOf(this.byCode.values());
	}

	/**
	 * The scores among the given ones that set the person apart with confidence
	 * ({@link NormedScore#distinctive()}), furthest from the middle first.
	 */
	public List<NormedScore> distinctive(Collection<NormedScore> scores) {
		return scores.stream()
			.filter(NormedScore::distinctive)
			.sorted(Comparator.comparingDouble((NormedScore score) -> -Math.abs(score.z())))
			.toList();
	}

	/** {@link #distinctive(Collection)} over all 35 scores. */
	public List<NormedScore> distinctive() {
		return distinctive(all());
	}

	/**
	 * The highest of the given scores by normed position together with every score that
	 * cannot be told apart from it ({@link #distinguishable}): a report may call a single
	 * scale "your highest" only when this list has one entry, and should otherwise name
	 * them together. Empty for no scores.
	 */
	public List<NormedScore> highest(Collection<NormedScore> scores) {
		return extreme(scores, Comparator.comparingDouble(NormedScore::z).reversed());
	}

	/** Like {@link #highest(Collection)} for the lowest. */
	public List<NormedScore> lowest(Collection<NormedScore> scores) {
		return extreme(scores, Comparator.comparingDouble(NormedScore::z));
	}

	private List<NormedScore> extreme(Collection<NormedScore> scores, Comparator<NormedScore> order) {
		List<NormedScore> sorted = scores.stream().sorted(order).toList();
		if (sorted.isEmpty()) {
			return sorted;
		}
		NormedScore top = sorted.get(0);
		return sorted.stream().filter((score) -> score == top || !distinguishable(top, score)).toList();
	}

	/**
	 * Whether two scores can be told apart given their reliabilities
	 * ({@link Reliability#distinguishable}); when not, their bands overlap heavily.
	 */
	public boolean distinguishable(NormedScore a, NormedScore b) {
		return this.reliability.distinguishable(a, b);
	}

	/**
	 * The calm note on where to find support, when Depression, Anxiety or Vulnerability
	 * is very high.
	 */
	public SupportNote supportNote() {
		return SupportNote.of(this);
	}

}
