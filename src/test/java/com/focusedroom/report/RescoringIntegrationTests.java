package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Responders;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The stored checks of a result as the report reads them (also for results from before
 * they were stored), the backfill, and the re-scoring of results answered on the French
 * translation before items 28 and 88 were swapped back (docs/decisions/0010), against the
 * embedded PostgreSQL.
 */
@SpringBootTest(properties = "focusedroom.validity-backfill.enabled=false")
class RescoringIntegrationTests {

	@Autowired
	private Assessments assessments;

	@Autowired
	private Reports reports;

	@Autowired
	private Rescoring rescoring;

	@Autowired
	private ValidityBackfill backfill;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Test
	void theReportReadsTheChecksStoredAtSubmission() {
		long id = submit(Responders.same(5), "en", 900);
		StoredValidity validity = this.reports.validity(id).orElseThrow();
		assertThat(validity.status()).isEqualTo(StoredValidity.Status.STORED);
		assertThat(validity.likelyInvalid()).isTrue();
		assertThat(validity.timed()).isTrue();
		assertThat(validity.language()).isEqualTo("en");
		assertThat(validity.secondsTaken()).isEqualTo(900);
		assertThat(validity.reasons()).anySatisfy((reason) -> assertThat(reason).contains("120 answers in a row"));
		assertThat(this.reports.validityAt(token(id))).contains(validity);
		assertThat(this.reports.validity(-1)).isEmpty();
	}

	@Test
	void resultsFromBeforeTheChecksAreCheckedFromTheirAnswersAndLegacyOnesAreNotChecked() {
		long old = submit(Responders.same(3), "en", null);
		this.jdbc.sql("UPDATE big_five_result SET validity = NULL, language = NULL WHERE id = ?").param(old).update();
		StoredValidity now = this.reports.validity(old).orElseThrow();
		assertThat(now.status()).isEqualTo(StoredValidity.Status.COMPUTED_NOW);
		assertThat(now.likelyInvalid()).isTrue();
		assertThat(now.language()).isNull();

		long legacy = submit(Responders.careful(new Random(3)), "en", null);
		this.jdbc.sql("UPDATE big_five_result SET validity = NULL, answers = NULL, language = NULL WHERE id = ?")
			.param(legacy)
			.update();
		assertThat(this.reports.validity(legacy).orElseThrow().status()).isEqualTo(StoredValidity.Status.NOT_CHECKED);

		assertThat(this.backfill.run()).isGreaterThanOrEqualTo(1);
		StoredValidity backfilled = this.reports.validity(old).orElseThrow();
		assertThat(backfilled.status()).isEqualTo(StoredValidity.Status.STORED);
		assertThat(backfilled.likelyInvalid()).isTrue();
		assertThat(backfilled.timed()).isFalse();
		assertThat(validityJson(old).path("source").asString()).isEqualTo("stored-answers");
		assertThat(this.reports.validity(legacy).orElseThrow().status()).as("no answers, nothing to check")
			.isEqualTo(StoredValidity.Status.NOT_CHECKED);
		assertThat(this.backfill.run()).as("each result is checked once").isZero();
	}

	@Test
	void aFrenchResultFromBeforeTheFixIsReScoredOnceWithItsTwoAnswersSwapped() {
		List<Integer> answered = new ArrayList<>(Responders.careful(new Random(11)));
		// On the faulty page, statement 28 said what 88 means and the other way round.
		answered.set(27, 1);
		answered.set(87, 5);
		long id = submit(answered, "fr", 700);
		this.jdbc.sql("UPDATE big_five_result SET language = NULL WHERE id = ?").param(id).update();
		String before = this.jdbc.sql("SELECT scores::text FROM big_five_result WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();

		List<Rescoring.Outcome> dryRun = this.rescoring.rescore(TranslationFix.FRENCH_28_88, List.of(id), false);
		assertThat(dryRun).singleElement()
			.satisfies((o) -> assertThat(o.status()).isEqualTo(Rescoring.Status.WOULD_RESCORE));
		assertThat(this.jdbc.sql("SELECT scores::text FROM big_five_result WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).as("a dry run changes nothing").isEqualTo(before);

		List<Rescoring.Outcome> done = this.rescoring.rescore(TranslationFix.FRENCH_28_88, List.of(id), true);
		assertThat(done).singleElement().satisfies((o) -> {
			assertThat(o.status()).isEqualTo(Rescoring.Status.RESCORED);
			assertThat(o.detail()).contains("O6");
		});
		Integer[] stored = this.jdbc.sql("SELECT answers::int[] FROM big_five_result WHERE id = ?")
			.param(id)
			.query((rs, row) -> (Integer[]) rs.getArray(1).getArray())
			.single();
		assertThat(stored[27]).isEqualTo(5);
		assertThat(stored[87]).isEqualTo(1);
		List<Integer> swapped = new ArrayList<>(answered);
		swapped.set(27, 5);
		swapped.set(87, 1);
		assertThat(Arrays.asList(stored)).isEqualTo(swapped);
		Scores expected = new Scorer(Inventory.ipipNeo120()).score(swapped);
		JsonNode scores = this.json.readTree(this.jdbc.sql("SELECT scores::text FROM big_five_result WHERE id = ?")
			.param(id)
			.query(String.class)
			.single());
		double liberalism = expected.domains()
			.stream()
			.flatMap((d) -> d.facets().stream())
			.filter((f) -> f.facet().code().equals("O6"))
			.findFirst()
			.orElseThrow()
			.score();
		assertThat(scores.path("domains").path("O").path("facets").path("O6").path("score").asDouble())
			.isEqualTo(liberalism);
		var row = this.jdbc
			.sql("SELECT language, translation_fixes::text AS fixes, validity::text AS validity FROM big_five_result"
					+ " WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("language")).isEqualTo("fr");
		JsonNode fixes = this.json.readTree((String) row.get("fixes"));
		assertThat(fixes).hasSize(1);
		assertThat(fixes.get(0).path("fix").asString()).isEqualTo("fr-28-88");
		assertThat(fixes.get(0).path("before").path("language").isNull()).isTrue();
		assertThat(this.json.readTree(fixes.get(0).path("before").path("scores").toString()))
			.isEqualTo(this.json.readTree(before));
		assertThat(this.json.readTree((String) row.get("validity")).path("source").asString()).isEqualTo("rescored");

		assertThat(this.rescoring.rescore(TranslationFix.FRENCH_28_88, List.of(id), true)).singleElement()
			.satisfies((o) -> assertThat(o.status()).isEqualTo(Rescoring.Status.ALREADY_FIXED));
		assertThat(Arrays.asList(this.jdbc.sql("SELECT answers::int[] FROM big_five_result WHERE id = ?")
			.param(id)
			.query((rs, r) -> (Integer[]) rs.getArray(1).getArray())
			.single())).as("not swapped back").isEqualTo(swapped);
	}

	@Test
	void resultsRecordedInAnotherLanguageOrWithoutAnswersAreLeftAlone() {
		long german = submit(Responders.careful(new Random(5)), "de", null);
		long legacy = submit(Responders.careful(new Random(6)), "fr", null);
		this.jdbc.sql("UPDATE big_five_result SET validity = NULL, answers = NULL WHERE id = ?").param(legacy).update();
		List<Rescoring.Outcome> outcomes = this.rescoring.rescore(TranslationFix.FRENCH_28_88,
				List.of(german, legacy, -5L), true);
		assertThat(outcomes).extracting(Rescoring.Outcome::status)
			.containsExactly(Rescoring.Status.OTHER_LANGUAGE, Rescoring.Status.NO_ANSWERS, Rescoring.Status.NOT_FOUND);
	}

	@Test
	void resultsRecordedInFrenchBeforeATimeAreFoundAndOnlyThose() {
		long french = submit(Responders.careful(new Random(8)), "fr", null);
		long english = submit(Responders.careful(new Random(9)), "en", null);
		List<Long> found = this.rescoring.recordedBefore(TranslationFix.FRENCH_28_88,
				OffsetDateTime.now().plusMinutes(1));
		assertThat(found).contains(french).doesNotContain(english);
		assertThat(this.rescoring.recordedBefore(TranslationFix.FRENCH_28_88, OffsetDateTime.now().minusYears(50)))
			.isEmpty();
	}

	@Test
	void theCommandLineNamesAFixAndEitherResultsOrATime() {
		RescoreCommand.Arguments arguments = RescoreCommand.Arguments
			.parse(new String[] { "--fix=fr-28-88", "--results=3, 5", "--apply", "--spring.datasource.url=x" });
		assertThat(arguments.results()).containsExactly(3L, 5L);
		assertThat(arguments.apply()).isTrue();
		assertThat(arguments.spring()).containsExactly("--spring.datasource.url=x");
		assertThat(
				RescoreCommand.Arguments.parse(new String[] { "--fix=fr-28-88", "--recorded-before=2026-12-02T00:00Z" })
					.apply())
			.as("a dry run unless --apply")
			.isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RescoreCommand.Arguments.parse(new String[] { "--results=3" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RescoreCommand.Arguments.parse(new String[] { "--fix=de-1-2", "--results=3" }));
		assertThatIllegalArgumentException().isThrownBy(() -> RescoreCommand.Arguments
			.parse(new String[] { "--fix=fr-28-88", "--results=3", "--recorded-before=2026-12-02T00:00Z" }));
	}

	private long submit(List<Integer> answers, String language, Integer seconds) {
		Assessments.Submitted submitted = this.assessments.submit(
				EmailAddress.of("rescore." + System.nanoTime() + "@example.com"), Demographics.none(),
				NewsletterChoice.notTicked(), answers, Channel.MOBILE_APP, Attribution.none(), language, seconds);
		String token = submitted.reportUrl().substring("/report/".length());
		return this.jdbc.sql("SELECT id FROM big_five_result WHERE report_token = ?")
			.param(token)
			.query(Long.class)
			.single();
	}

	private String token(long id) {
		return this.jdbc.sql("SELECT report_token FROM big_five_result WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private JsonNode validityJson(long id) {
		return this.json.readTree(this.jdbc.sql("SELECT validity::text FROM big_five_result WHERE id = ?")
			.param(id)
			.query(String.class)
			.single());
	}

}
