package com.focusedroom.scoring;

import java.util.List;

/**
 * The scored result of one completed inventory.
 *
 * @param domains the five domains in report order, each with its six facets
 */
public record Scores(List<DomainScore> domains) {

	public Scores {
		domains = List.copyOf(domains);
	}

	public DomainScore of(Domain domain) {
		return this.domains.stream()
			.filter((score) -> score.domain() == domain)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No score for " + domain));
	}

	/**
	 * A facet's score by its code.
	 * @param code for example {@code C5}
	 */
	public FacetScore facet(String code) {
		return this.domains.stream()
			.flatMap((domain) -> domain.facets().stream())
			.filter((score) -> score.facet().code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No score for facet " + code));
	}

	/**
	 * A domain's score.
	 *
	 * @param domain the domain
	 * @param raw sum of its 24 keyed item scores, 24 to 120
	 * @param score the raw score on a 0-100 scale (0 = lowest possible, 100 = highest)
	 * @param level low, average or high on the raw 0-100 scale (40/60), not compared with
	 * anyone: what a report says about the person should use the normed level of
	 * {@link NormedProfile} instead
	 * @param facets its six facets in order
	 */
	public record DomainScore(Domain domain, int raw, double score, Level level, List<FacetScore> facets) {

		public DomainScore {
			facets = List.copyOf(facets);
		}

	}

	/**
	 * A facet's score.
	 *
	 * @param facet the facet
	 * @param raw sum of its 4 keyed item scores, 4 to 20
	 * @param score the raw score on a 0-100 scale
	 * @param level low, average or high on the raw 0-100 scale (40/60), not compared with
	 * anyone: what a report says about the person should use the normed level of
	 * {@link NormedProfile} instead
	 */
	public record FacetScore(Facet facet, int raw, double score, Level level) {

	}

}
