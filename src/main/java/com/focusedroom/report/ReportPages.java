package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusedroom.scoring.Change;
import com.focusedroom.scoring.Norms;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Sex;

/**
 * Puts a stored report together for reading: scores with their explanations, the
 * percentiles among people of the same age (when the age is known), and the change since
 * the customer's previous report. Plain logic, no Spring.
 */
final class ReportPages {

	private final Explanations explanations;

	private final Norms norms;

	ReportPages(Explanations explanations, Norms norms) {
		this.explanations = explanations;
		this.norms = norms;
	}

	/**
	 * @param stored the report
	 * @param previous the same customer's previous report, if any
	 */
	ReportPage page(Stored stored, Optional<Stored> previous) {
		Optional<Norms.Group> women = this.norms.group(Sex.FEMALE, stored.age());
		Optional<Norms.Group> men = this.norms.group(Sex.MALE, stored.age());
		boolean normed = women.isPresent() && men.isPresent();
		Optional<Scores> earlier = previous.flatMap(Stored::scores);
		List<ReportPage.ShownDomain> domains = new ArrayList<>();
		stored.scores().ifPresent((scores) -> {
			for (Scores.DomainScore domain : scores.domains()) {
				String code = domain.domain().code();
				List<ReportPage.ShownFacet> facets = new ArrayList<>();
				for (Scores.FacetScore facet : domain.facets()) {
					String facetCode = facet.facet().code();
					facets.add(new ReportPage.ShownFacet(facetCode, facet.facet().name(), facet.score(),
							lower(facet.level()), this.explanations.of(facetCode, facet.level()),
							normed ? percentiles(women.get(), men.get(), facetCode, facet.raw()) : null,
							earlier.map((e) -> {
								Scores.FacetScore before = e.facet(facetCode);
								return Change.of(facetCode, before.raw(), before.score(), facet.raw(), facet.score(),
										this.norms);
							}).orElse(null)));
				}
				domains.add(new ReportPage.ShownDomain(code, domain.domain().displayName(),
						this.explanations.about(domain.domain()), domain.score(), lower(domain.level()),
						this.explanations.of(code, domain.level()),
						normed ? percentiles(women.get(), men.get(), code, domain.raw()) : null, earlier.map((e) -> {
							Scores.DomainScore before = e.of(domain.domain());
							return Change.of(code, before.raw(), before.score(), domain.raw(), domain.score(),
									this.norms);
						}).orElse(null), facets));
			}
		});
		return new ReportPage(stored.reportId(), stored.createdAt(), stored.name(), stored.careerStage(), stored.goal(),
				domains, stored.suggestions(),
				normed ? new ReportPage.NormGroups(women.get().description(), men.get().description()) : null,
				previous.filter((p) -> p.scores().isPresent())
					.map((p) -> new ReportPage.Previous(p.reportId(), p.createdAt()))
					.orElse(null),
				stored.unconfirmed());
	}

	private static ReportPage.Percentiles percentiles(Norms.Group women, Norms.Group men, String scale, int raw) {
		return new ReportPage.Percentiles(women.percentile(scale, raw), men.percentile(scale, raw));
	}

	private static String lower(Enum<?> level) {
		return level.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A report as stored.
	 *
	 * @param reportId its number
	 * @param createdAt when taken
	 * @param name name given, or null
	 * @param age age given with the test, or null
	 * @param careerStage career stage code, or null
	 * @param goal primary goal code, or null
	 * @param scores the scores, empty for an imported legacy result
	 * @param suggestions the stored suggestions, one per entry
	 * @param unconfirmed taken under a confirmed address by someone not signed in as its
	 * owner (decision 0012)
	 */
	record Stored(int reportId, OffsetDateTime createdAt, String name, Integer age, String careerStage, String goal,
			Optional<Scores> scores, List<String> suggestions, boolean unconfirmed) {

	}

}
