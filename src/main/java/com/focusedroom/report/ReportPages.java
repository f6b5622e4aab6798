package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.ChangeReport;
import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.NormReference;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.NormedScore;
import com.focusedroom.scoring.Norms;
import com.focusedroom.scoring.Reliability;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;

/**
 * Puts a stored report together for reading: each score placed among people of the same
 * age (all ages pooled without one) with its level, uncertainty band and explanation, the
 * summary, the suggestions from the normed profile, the careless-answering check, the
 * support note, and the change since the customer's previous report. Plain logic, no
 * Spring.
 */
final class ReportPages {

	/** How many results the summary names at most. */
	static final int HIGHLIGHTS = 3;

	/** How many suggestions the summary repeats. */
	static final int FIRST_SUGGESTIONS = 3;

	private final Explanations explanations;

	private final Norms norms;

	private final Reliability reliability;

	private final SuggestionRules rules;

	ReportPages(Explanations explanations, Norms norms) {
		this(explanations, norms, Reliability.ipipNeo120(), new SuggestionRules());
	}

	ReportPages(Explanations explanations, Norms norms, Reliability reliability, SuggestionRules rules) {
		this.explanations = explanations;
		this.norms = norms;
		this.reliability = reliability;
		this.rules = rules;
	}

	/**
	 * @param stored the report
	 * @param previous the same customer's previous report, if any
	 */
	ReportPage page(Stored stored, Optional<Stored> previous) {
		NormReference reference = NormReference.forAge(this.norms, stored.age());
		ReportPage.ValidityNotice validity = notice(validityOf(stored));
		Optional<ReportPage.Previous> shownPrevious = previous.filter((p) -> p.scores().isPresent())
			.filter((p) -> stored.scores().isPresent())
			.map((p) -> new ReportPage.Previous(p.reportId(), p.createdAt()));
		if (stored.scores().isEmpty()) {
			return new ReportPage(stored.reportId(), stored.createdAt(), stored.name(), stored.careerStage(),
					stored.goal(), List.of(), null, List.of(), stored.suggestions(), reference.label(),
					reference.pooled(), validity, List.of(), null, false, stored.unconfirmed());
		}
		Scores scores = stored.scores().get();
		NormedProfile profile = NormedProfile.of(scores, reference, this.reliability);
		Optional<ChangeReport> change = previous.flatMap(Stored::scores)
			.map((before) -> ChangeReport.between(before, scores, this.reliability));
		List<ReportPage.ShownDomain> domains = new ArrayList<>();
		for (NormedScore domain : profile.domains()) {
			List<ReportPage.Shown> facets = profile.facetsOf(Domain.ofCode(domain.scale()))
				.stream()
				.map((facet) -> shown(facet, reference, change))
				.toList();
			domains.add(new ReportPage.ShownDomain(shown(domain, reference, change),
					this.explanations.about(Domain.ofCode(domain.scale())), facets));
		}
		boolean interpreted = !validity.likelyInvalid();
		List<ReportPage.ShownSuggestion> suggestions = interpreted
				? suggestionsFor(profile, stored).stream().map(ReportPage.ShownSuggestion::of).toList() : List.of();
		ReportPage.Summary summary = interpreted ? summary(profile, suggestions) : null;
		List<String> support = profile.supportNote().veryHigh().stream().map(NormedScore::name).toList();
		return new ReportPage(stored.reportId(), stored.createdAt(), stored.name(), stored.careerStage(), stored.goal(),
				domains, summary, suggestions, stored.suggestions(), reference.label(), reference.pooled(), validity,
				support, shownPrevious.orElse(null), change.map(ChangeReport::anyMeaningful).orElse(false),
				stored.unconfirmed());
	}

	/**
	 * The suggestions for a stored report, from its normed profile, career stage and
	 * goal: the same rules as at submission, so a new report shows what was stored with
	 * it.
	 */
	List<Suggestion> suggestionsFor(NormedProfile profile, Stored stored) {
		return this.rules.suggest(profile, CareerStage.ofCode(stored.careerStage()).orElse(null),
				PrimaryGoal.ofCode(stored.goal()).orElse(null));
	}

	/**
	 * The careless-answering check of a stored report, from its stored answers and time
	 * taken: the same inputs, and so the same flags, as the checks stored with it at
	 * submission (big_five_result.validity, V7), and for a result stored before V7 what
	 * the backfill stores. Empty for a legacy result that kept no answers.
	 */
	static Optional<Validity> validityOf(Stored stored) {
		List<Integer> answers = stored.answers();
		if (answers == null) {
			return Optional.empty();
		}
		return Optional.of(Validity.of(answers, stored.secondsTaken()));
	}

	private static ReportPage.ValidityNotice notice(Optional<Validity> validity) {
		return validity
			.map((v) -> new ReportPage.ValidityNotice(true, v.likelyInvalid(),
					v.flagged()
						.stream()
						.map((check) -> new ReportPage.Finding(check.kind().title(), check.finding()))
						.toList()))
			.orElse(ReportPage.ValidityNotice.NOT_CHECKED);
	}

	private ReportPage.Shown shown(NormedScore score, NormReference reference, Optional<ChangeReport> change) {
		ChangeReport.ScaleChange scaleChange = change.map((c) -> c.of(score.scale())).orElse(null);
		Integer previousPercentile = (scaleChange != null)
				? reference.percentile(score.scale(), scaleChange.rawBefore()) : null;
		String name = score.isDomain() ? Domain.ofCode(score.scale()).displayName() : score.name();
		return new ReportPage.Shown(score.scale(), name, score.score(), score.band().scoreLow(),
				score.band().scoreHigh(), score.percentile(), score.band().percentileLow(),
				score.band().percentileHigh(), score.level(), score.distinctive(),
				this.explanations.of(score.scale(), score.level()), scaleChange, previousPercentile);
	}

	/**
	 * The summary: the results that most set the person apart by the norms
	 * ({@link NormedProfile#distinctive()}: not average, and the whole band on one side
	 * of the group's middle), at most {@value #HIGHLIGHTS}, a facet left out when a
	 * result of its domain in the same direction is already named; and the first
	 * suggestions.
	 */
	private ReportPage.Summary summary(NormedProfile profile, List<ReportPage.ShownSuggestion> suggestions) {
		List<NormedScore> chosen = new ArrayList<>();
		for (NormedScore score : profile.distinctive()) {
			if (chosen.size() >= HIGHLIGHTS) {
				break;
			}
			boolean covered = chosen.stream()
				.anyMatch((c) -> c.scale().charAt(0) == score.scale().charAt(0) && (c.z() > 0) == (score.z() > 0));
			if (!covered) {
				chosen.add(score);
			}
		}
		List<ReportPage.Highlight> highlights = chosen.stream().map(this::highlight).toList();
		return new ReportPage.Summary(highlights, suggestions.stream().limit(FIRST_SUGGESTIONS).toList());
	}

	private ReportPage.Highlight highlight(NormedScore score) {
		Domain domain = Domain.ofCode(score.scale().substring(0, 1));
		String meaning = this.explanations.of(score.scale(), score.level());
		if (score.isDomain()) {
			return new ReportPage.Highlight(domain.displayName(), score.level(), score.percentile(), meaning,
					this.explanations.work(domain, score.z() > 0));
		}
		return new ReportPage.Highlight(score.name() + " (a facet of " + domain.displayName() + ")", score.level(),
				score.percentile(), meaning, null);
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
	 * @param answers the 120 answers in inventory order, or null for a legacy result
	 * @param unconfirmed taken under a confirmed address by someone not signed in as its
	 * owner (decision 0012)
	 */
	record Stored(int reportId, OffsetDateTime createdAt, @Nullable String name, @Nullable Integer age,
			@Nullable String careerStage, @Nullable String goal, Optional<Scores> scores, List<String> suggestions,
			@Nullable List<Integer> answers, @Nullable Integer secondsTaken, boolean unconfirmed) {

		/** A confirmed report. */
		Stored(int reportId, OffsetDateTime createdAt, @Nullable String name, @Nullable Integer age,
				@Nullable String careerStage, @Nullable String goal, Optional<Scores> scores, List<String> suggestions,
				@Nullable List<Integer> answers, @Nullable Integer secondsTaken) {
			this(reportId, createdAt, name, age, careerStage, goal, scores, suggestions, answers, secondsTaken, false);
		}

		/** A confirmed report whose time taken is not known. */
		Stored(int reportId, OffsetDateTime createdAt, @Nullable String name, @Nullable Integer age,
				@Nullable String careerStage, @Nullable String goal, Optional<Scores> scores, List<String> suggestions,
				@Nullable List<Integer> answers) {
			this(reportId, createdAt, name, age, careerStage, goal, scores, suggestions, answers, null, false);
		}

	}

}
