package com.focusedroom.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-scores stored results that were answered on a translation fixed later by a pure swap
 * ({@link TranslationFix}): swaps the two stored answers, scores them again, checks them
 * again and writes new suggestions from the new scores, and records the fix with what the
 * result was before in {@code big_five_result.translation_fixes}, in one transaction. A
 * fix is applied to a result at most once (the record says it was), and never to a result
 * recorded in another language. The PDFs kept of a re-scored result are dropped in the
 * same transaction (docs/decisions/0013). See docs/decisions/0010.
 */
@Service
class Rescoring {

	private final Scorer scorer = new Scorer(Inventory.ipipNeo120());

	private final JdbcClient jdbc;

	private final Reports reports;

	private final JsonMapper json;

	private final ScoresDocument scoresDocument;

	private final ValidityDocument validityDocument;

	private final Clock clock;

	private final StoredPdfs storedPdfs;

	Rescoring(JdbcClient jdbc, Reports reports, JsonMapper json, Clock clock, StoredPdfs storedPdfs) {
		this.storedPdfs = storedPdfs;
		this.jdbc = jdbc;
		this.reports = reports;
		this.json = json;
		this.scoresDocument = new ScoresDocument(json);
		this.validityDocument = new ValidityDocument(json);
		this.clock = clock;
	}

	/**
	 * The results recorded in the fix's language and stored before a time (when the fix
	 * was deployed). Results whose language was never recorded are not among them.
	 */
	@Transactional(readOnly = true)
	List<Long> recordedBefore(TranslationFix fix, OffsetDateTime before) {
		return this.jdbc
			.sql("SELECT id FROM big_five_result WHERE language = :language AND created_at < :before ORDER BY id")
			.param("language", fix.language())
			.param("before", before)
			.query(Long.class)
			.list();
	}

	/**
	 * Re-scores the given results, or with {@code apply} false only says what it would
	 * do.
	 */
	@Transactional
	List<Outcome> rescore(TranslationFix fix, List<Long> resultIds, boolean apply) {
		List<Outcome> outcomes = new ArrayList<>();
		List<Long> found = new ArrayList<>();
		this.jdbc.sql("""
				SELECT id, answers::int[] AS answers, seconds_taken, language, age, career_stage, purpose,
				       scores::text AS scores, suggestions, validity::text AS validity,
				       translation_fixes @> jsonb_build_array(jsonb_build_object('fix', CAST(:fix AS text))) AS applied
				FROM big_five_result WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id FOR UPDATE
				""")
			.param("fix", fix.id())
			.param("ids", resultIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				long id = rs.getLong("id");
				found.add(id);
				java.sql.Array array = rs.getArray("answers");
				String language = rs.getString("language");
				if (rs.getBoolean("applied")) {
					outcomes.add(new Outcome(id, Status.ALREADY_FIXED, "already re-scored with " + fix.id()));
				}
				else if (array == null) {
					outcomes.add(new Outcome(id, Status.NO_ANSWERS, "no answers stored (legacy result)"));
				}
				else if (language != null && !language.equals(fix.language())) {
					outcomes.add(new Outcome(id, Status.OTHER_LANGUAGE, "answered in " + language));
				}
				else {
					outcomes.add(rescoreOne(fix, id, (Integer[]) array.getArray(),
							rs.getObject("seconds_taken", Integer.class), rs.getObject("age", Integer.class), language,
							rs.getString("career_stage"), rs.getString("purpose"), rs.getString("scores"),
							rs.getString("suggestions"), rs.getString("validity"), apply));
				}
			});
		for (long id : resultIds) {
			if (!found.contains(id)) {
				outcomes.add(new Outcome(id, Status.NOT_FOUND, "no such result"));
			}
		}
		// The PDFs kept of them (as the report, or as the earlier one a report is
		// compared with) show the old scores: gone in the same transaction. (They would
		// not be served anyway: the rows' versions changed.)
		this.storedPdfs.forget(outcomes.stream()
			.filter((outcome) -> outcome.status() == Status.RESCORED)
			.map(Outcome::resultId)
			.toList());
		return outcomes;
	}

	private Outcome rescoreOne(TranslationFix fix, long id, Integer[] answers, @Nullable Integer secondsTaken,
			@Nullable Integer age, @Nullable String language, @Nullable String stage, @Nullable String goal,
			String scoresBefore, String suggestionsBefore, @Nullable String validityBefore, boolean apply) {
		List<Integer> fixed = Arrays.asList(fix.apply(answers));
		Scores scores = this.scorer.score(fixed);
		String change = change(this.scoresDocument.read(scoresBefore), scores);
		if (!apply) {
			return new Outcome(id, Status.WOULD_RESCORE, change);
		}
		Validity validity = Validity.of(fixed, secondsTaken);
		ObjectNode entry = this.json.createObjectNode();
		entry.put("fix", fix.id());
		entry.put("language", fix.language());
		entry.put("commit", fix.commit());
		entry.put("appliedAt", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
		var swapped = entry.putArray("swapped");
		fix.swaps().forEach((swap) -> swapped.addArray().add(swap.first()).add(swap.second()));
		ObjectNode before = entry.putObject("before");
		before.put("language", language);
		before.set("scores", this.json.readTree(scoresBefore));
		before.put("suggestions", suggestionsBefore);
		before.set("validity", (validityBefore != null) ? this.json.readTree(validityBefore) : null);
		this.jdbc.sql("""
				UPDATE big_five_result
				SET answers = CAST(:answers AS smallint[]), scores = CAST(:scores AS jsonb), suggestions = :suggestions,
				    validity = CAST(:validity AS jsonb), language = :language,
				    translation_fixes = translation_fixes || jsonb_build_array(CAST(:entry AS jsonb))
				WHERE id = :id
				""")
			.param("answers", fixed.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("scores", this.scoresDocument.write(scores))
			.param("suggestions",
					this.reports.suggestionsText(scores, validity, age, CareerStage.ofCode(stage).orElse(null),
							PrimaryGoal.ofCode(goal).orElse(null)))
			.param("validity", this.validityDocument.write(validity, ValidityDocument.Source.RESCORED))
			.param("language", fix.language())
			.param("entry", this.json.writeValueAsString(entry))
			.param("id", id)
			.update();
		return new Outcome(id, Status.RESCORED, change);
	}

	/** The scales whose 0-100 score moved, e.g. "O 48.3 -> 52.5, O6 25.0 -> 75.0". */
	private static String change(Optional<Scores> before, Scores after) {
		if (before.isEmpty()) {
			return "scored afresh (the stored scores were not in the current shape)";
		}
		List<String> moved = new ArrayList<>();
		for (int d = 0; d < after.domains().size(); d++) {
			Scores.DomainScore now = after.domains().get(d);
			Scores.DomainScore then = before.get().domains().get(d);
			if (now.raw() != then.raw()) {
				moved
					.add(String.format(Locale.ROOT, "%s %.1f -> %.1f", now.domain().code(), then.score(), now.score()));
			}
			for (int f = 0; f < now.facets().size(); f++) {
				Scores.FacetScore facetNow = now.facets().get(f);
				Scores.FacetScore facetThen = then.facets().get(f);
				if (facetNow.raw() != facetThen.raw()) {
					moved.add(String.format(Locale.ROOT, "%s %.1f -> %.1f", facetNow.facet().code(), facetThen.score(),
							facetNow.score()));
				}
			}
		}
		return moved.isEmpty() ? "no score changes (the two answers were equal)" : String.join(", ", moved);
	}

	/** What happened to one result. */
	enum Status {

		RESCORED, WOULD_RESCORE, ALREADY_FIXED, NO_ANSWERS, OTHER_LANGUAGE, NOT_FOUND

	}

	/**
	 * @param resultId the result's {@code big_five_result.id}
	 * @param status what happened
	 * @param detail in words: the scores that moved, or why it was left alone
	 */
	record Outcome(long resultId, Status status, String detail) {

	}

}
