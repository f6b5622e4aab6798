package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.List;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Change;

/**
 * What the report page (and its PDF) shows.
 *
 * @param reportId the report's number for its customer
 * @param createdAt when the test was taken
 * @param name the name given with the test, or null
 * @param careerStageCode the career stage code given with the test, or null
 * @param goalCode the primary goal code given with the test, or null
 * @param domains the five domains with their facets; empty for an imported legacy result
 * @param suggestions the suggestions stored with the report, one per entry
 * @param norms the norm groups the percentiles compare with, or null without an age
 * @param previous the customer's previous report, or null for a first report
 * @param unconfirmed taken under a confirmed address by someone not signed in as its
 * owner: the page shows no number, so it does not tell how many tests the owner took
 */
record ReportPage(int reportId, OffsetDateTime createdAt, String name, String careerStageCode, String goalCode,
		List<ShownDomain> domains, List<String> suggestions, NormGroups norms, Previous previous, boolean unconfirmed) {

	static final String NORMS_CITATION = com.focusedroom.scoring.Norms.CITATION;

	public String careerStage() {
		return CareerStage.ofCode(this.careerStageCode).map(CareerStage::label).orElse(null);
	}

	public String primaryGoal() {
		return PrimaryGoal.ofCode(this.goalCode).map(PrimaryGoal::label).orElse(null);
	}

	/** Results imported from the legacy database kept scores in a shape of their own. */
	public boolean imported() {
		return this.domains.isEmpty();
	}

	public String normsCitation() {
		return NORMS_CITATION;
	}

	/** Whether any domain or facet moved more than measurement error explains. */
	public boolean anyMeaningfulChange() {
		return this.domains.stream()
			.anyMatch((domain) -> (domain.change() != null && domain.change().meaningful()) || domain.facets()
				.stream()
				.anyMatch((facet) -> facet.change() != null && facet.change().meaningful()));
	}

	/**
	 * A domain as shown.
	 *
	 * @param code its letter
	 * @param name its name
	 * @param about what the domain is about
	 * @param score 0-100
	 * @param level low, average or high (lower case)
	 * @param explanation what the level means
	 * @param percentiles where the score falls among the norm groups, or null
	 * @param change the change since the previous report, or null
	 * @param facets its six facets
	 */
	record ShownDomain(String code, String name, String about, double score, String level, String explanation,
			Percentiles percentiles, Change change, List<ShownFacet> facets) {

	}

	/**
	 * A facet as shown.
	 *
	 * @param code its code, for example C5
	 * @param name its name
	 * @param score 0-100
	 * @param level low, average or high (lower case)
	 * @param explanation what the level means
	 * @param percentiles where the score falls among the norm groups, or null
	 * @param change the change since the previous report, or null
	 */
	record ShownFacet(String code, String name, double score, String level, String explanation, Percentiles percentiles,
			Change change) {

	}

	/**
	 * Percentiles among women and among men of the person's age band.
	 *
	 * @param women percentage of women of that age expected to score lower
	 * @param men percentage of men of that age expected to score lower
	 */
	record Percentiles(int women, int men) {

	}

	/**
	 * The norm groups compared with.
	 *
	 * @param women for example "women aged 21 to 40"
	 * @param men for example "men aged 21 to 40"
	 */
	record NormGroups(String women, String men) {

	}

	/**
	 * The previous report of the same customer.
	 *
	 * @param reportId its number
	 * @param createdAt when it was taken
	 */
	record Previous(int reportId, OffsetDateTime createdAt) {

	}

}
