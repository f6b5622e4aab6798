package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.ChangeReport;
import com.focusedroom.scoring.NormedLevel;
import org.jspecify.annotations.Nullable;

/**
 * What the report page (and its PDF) shows. Every level word, "highest", "lowest" and
 * "distinctive" comes from the normed profile (scoring.NormedProfile), never from the raw
 * 0-100 scale; see docs/decisions/0009.
 *
 * @param reportId the report's number for its customer
 * @param createdAt when the test was taken
 * @param name the name given with the test, or null
 * @param careerStageCode the career stage code given with the test, or null
 * @param goalCode the primary goal code given with the test, or null
 * @param domains the five domains with their facets; empty for an imported legacy result
 * @param summary the short personal summary the report opens with, or null for an
 * imported result or answers that look invalid
 * @param suggestions the suggestions, from the normed profile, career stage and goal;
 * empty when the answers look invalid
 * @param storedSuggestions the suggestions stored with the report at submission (shown
 * for an imported result, which has no scores to suggest from)
 * @param normGroup the norm group compared with, for example "people aged 21 to 40"
 * @param normPooled whether no age was given, so all ages were pooled
 * @param validity the careless-answering check
 * @param support the very high facets that call for the note on where to find support
 * (names), empty when the note is not shown
 * @param previous the customer's previous report, or null for a first report
 * @param anyMeaningfulChange whether anything changed meaningfully since the previous
 * report
 * @param unconfirmed taken under a confirmed address by someone not signed in as its
 * owner: the page shows no number, so it does not tell how many tests the owner took
 */
record ReportPage(int reportId, OffsetDateTime createdAt, @Nullable String name, @Nullable String careerStageCode,
		@Nullable String goalCode, List<ShownDomain> domains, @Nullable Summary summary,
		List<ShownSuggestion> suggestions, List<String> storedSuggestions, String normGroup, boolean normPooled,
		ValidityNotice validity, List<String> support, @Nullable Previous previous, boolean anyMeaningfulChange,
		boolean unconfirmed) {

	static final String NORMS_CITATION = com.focusedroom.scoring.Norms.CITATION;

	public @Nullable String careerStage() {
		return CareerStage.ofCode(this.careerStageCode).map(CareerStage::label).orElse(null);
	}

	public @Nullable String primaryGoal() {
		return PrimaryGoal.ofCode(this.goalCode).map(PrimaryGoal::label).orElse(null);
	}

	/** Results imported from the legacy database kept scores in a shape of their own. */
	public boolean imported() {
		return this.domains.isEmpty();
	}

	/**
	 * Whether the report interprets the scores (they are there and the answers look
	 * valid).
	 */
	public boolean interpreted() {
		return !imported() && !this.validity.likelyInvalid();
	}

	public String normsCitation() {
		return NORMS_CITATION;
	}

	/** The five domain scores, for the overview chart. */
	public List<Shown> domainScores() {
		return this.domains.stream().map(ShownDomain::score).toList();
	}

	/** Every shown score, domains and facets, for tests and the text alternative. */
	public List<Shown> allScores() {
		List<Shown> all = new ArrayList<>();
		for (ShownDomain domain : this.domains) {
			all.add(domain.score());
			all.addAll(domain.facets());
		}
		return all;
	}

	/** The support note's facet names joined for a sentence. */
	public String supportFacets() {
		return Wording.and(this.support);
	}

	/**
	 * A domain as shown.
	 *
	 * @param score its scores
	 * @param about what the domain is about
	 * @param facets its six facets
	 */
	record ShownDomain(Shown score, String about, List<Shown> facets) {

		public String code() {
			return this.score.code();
		}

		public String name() {
			return this.score.name();
		}

	}

	/**
	 * A domain or facet as shown.
	 *
	 * @param code its code, for example C or C5
	 * @param name its name
	 * @param score the raw score on the 0-100 scale (how strongly the statements were
	 * endorsed)
	 * @param scoreLow lower end of the 90 % band on the 0-100 scale
	 * @param scoreHigh upper end of the 90 % band on the 0-100 scale
	 * @param percentile the normed percentile among the norm group
	 * @param percentileLow the percentile of the band's lower end
	 * @param percentileHigh the percentile of the band's upper end
	 * @param level the level from the normed percentile
	 * @param distinctive whether the whole band lies on one side of the group's middle
	 * and the level is not average
	 * @param explanation what the level means
	 * @param change the change since the previous report, or null
	 * @param previousPercentile the previous report's score placed in this report's norm
	 * group, or null
	 */
	record Shown(String code, String name, double score, double scoreLow, double scoreHigh, int percentile,
			int percentileLow, int percentileHigh, NormedLevel level, boolean distinctive, String explanation,
			ChangeReport.@Nullable ScaleChange change, @Nullable Integer previousPercentile) {

		/** "very-high", for CSS classes. */
		public String levelCode() {
			return this.level.code();
		}

		/** "very high", as the report writes it. */
		public String levelWord() {
			return this.level.label().toLowerCase(java.util.Locale.ROOT);
		}

		/** "62nd". */
		public String percentileOrdinal() {
			return Wording.ordinal(this.percentile);
		}

		/** "45th to 88th", the band as percentiles. */
		public String percentileBand() {
			return Wording.ordinal(this.percentileLow) + " to " + Wording.ordinal(this.percentileHigh);
		}

		/** "52 to 73", the band on the 0-100 scale. */
		public String scoreBand() {
			return Math.round(this.scoreLow) + " to " + Math.round(this.scoreHigh);
		}

		/** The 0-100 score, whole. */
		public long wholeScore() {
			return Math.round(this.score);
		}

		/** The row in words, for a chart's text alternative. */
		public String alt() {
			return this.name + " " + percentileOrdinal() + " percentile, " + levelWord() + ", band " + percentileBand();
		}

		/** The change in words, or null without a previous report. */
		public @Nullable String changeText() {
			if (this.change == null) {
				return null;
			}
			String numbers = Math.round(this.change.before()) + " → " + Math.round(this.change.after()) + " on the"
					+ " 0-100 scale";
			if (this.change.meaningful()) {
				return numbers + ": a meaningful change " + this.change.direction() + " (band "
						+ signed(this.change.bandLow()) + " to " + signed(this.change.bandHigh()) + ")";
			}
			if (!this.change.tested()) {
				return numbers + ": about the same (a facet counts only when its trait changed meaningfully)";
			}
			return numbers + ": within the margin of error, about the same (band " + signed(this.change.bandLow())
					+ " to " + signed(this.change.bandHigh()) + ")";
		}

		private static String signed(double value) {
			long rounded = Math.round(value);
			return (rounded > 0) ? "+" + rounded : String.valueOf(rounded);
		}

	}

	/**
	 * The summary the report opens with.
	 *
	 * @param highlights the two or three results that most set the person apart, by the
	 * norms; empty when none does
	 * @param first the first suggestions, to start with
	 */
	record Summary(List<Highlight> highlights, List<ShownSuggestion> first) {

	}

	/**
	 * One result that sets the person apart.
	 *
	 * @param name for example "Orderliness (a facet of Conscientiousness)"
	 * @param level its level
	 * @param percentile its percentile
	 * @param meaning what it means
	 * @param work what it means at work, or null (facets)
	 */
	record Highlight(String name, NormedLevel level, int percentile, String meaning, @Nullable String work) {

		public String levelWord() {
			return this.level.label().toLowerCase(java.util.Locale.ROOT);
		}

		public String percentileOrdinal() {
			return Wording.ordinal(this.percentile);
		}

	}

	/**
	 * A suggestion as shown.
	 *
	 * @param text what to do
	 * @param basis what it comes from
	 * @param researchBased whether it rests on a research finding
	 * @param citation the short citation, or null for craft advice
	 * @param finding the finding in plain words, or null
	 */
	record ShownSuggestion(String text, String basis, boolean researchBased, @Nullable String citation,
			@Nullable String finding) {

		static ShownSuggestion of(Suggestion suggestion) {
			return new ShownSuggestion(suggestion.text(), String.join("; ", suggestion.basis()),
					suggestion.evidence().researchBased(), suggestion.evidence().citation(),
					suggestion.evidence().finding());
		}

	}

	/**
	 * What the careless-answering check found.
	 *
	 * @param checked whether the answers could be checked (legacy results kept none)
	 * @param likelyInvalid whether the answers look careless or invalid
	 * @param findings what was seen, one entry per flagged check
	 */
	record ValidityNotice(boolean checked, boolean likelyInvalid, List<Finding> findings) {

		static final ValidityNotice NOT_CHECKED = new ValidityNotice(false, false, List.of());

	}

	/**
	 * One finding of the check.
	 *
	 * @param title a short heading
	 * @param text what was seen and why it matters
	 */
	record Finding(String title, String text) {

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
