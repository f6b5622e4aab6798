package com.focusedroom.report;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.focusedroom.channel.Channel;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.gdpr.CustomerDataOwner;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.Norms;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports: each completed test of a customer, numbered 1, 2, 3 ... per customer.
 */
@Service
public class Reports implements CustomerDataOwner {

	// The only place report numbers are allocated. Safe because the caller holds the
	// customer's row lock (see Customers.recordVisit), so no two transactions compute the
	// next number for one customer at once; the unique key (customer_id, report_id) backs
	// it.
	private static final String ADD = """
			INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id, answers,
			                             name, age, profession, career_stage, purpose, language, seconds_taken,
			                             validity, unconfirmed)
			SELECT :customerId, coalesce(max(report_id), 0) + 1, CAST(:scores AS jsonb), :suggestions, :channel,
			       CAST(:answers AS smallint[]), :name, :age, :profession, :careerStage, :purpose, :language,
			       :secondsTaken, CAST(:validity AS jsonb), :unconfirmed
			FROM big_five_result
			WHERE customer_id = :customerId
			RETURNING id, report_id, report_token
			""";

	// The report at a token and, for the change since last time, the same customer's
	// previous report: never any other customer's data, and only when the visitor has
	// opened that previous report on this device too (its token is among :opened), or is
	// signed in to "my reports" as its customer (:signedIn), who may also pick any
	// earlier
	// report of theirs (:since). Knowing an email address is not enough to read someone's
	// earlier scores: anyone can submit a test with any address. For the same reason the
	// age is the one given with this test, never the customer's stored one. The previous
	// report is the latest earlier one the owner has not left unconfirmed or disowned
	// (decision 0012), so a stranger's test in between does not break the owner's view.
	private static final String FIND = """
			SELECT r.report_id, r.created_at, r.scores::text AS scores, r.suggestions, r.name, r.age,
			       r.career_stage, r.purpose, r.answers, r.seconds_taken,
			       r.unconfirmed AND r.customer_id IS DISTINCT FROM :signedIn AS unconfirmed
			FROM big_five_result r
			WHERE r.report_token = :token
			UNION ALL
			SELECT p.report_id, p.created_at, p.scores::text, p.suggestions, p.name, p.age, p.career_stage, p.purpose,
			       p.answers, p.seconds_taken, false
			FROM big_five_result r
			JOIN LATERAL (
			    SELECT * FROM big_five_result e
			    WHERE e.customer_id = r.customer_id AND e.report_id < r.report_id AND NOT e.unconfirmed
			      AND (CAST(:since AS integer) IS NULL OR e.report_id = :since)
			    ORDER BY e.report_id DESC LIMIT 1) p ON true
			WHERE r.report_token = :token AND NOT r.unconfirmed
			  AND (r.customer_id = :signedIn
			       OR (CAST(:since AS integer) IS NULL AND p.report_token = ANY (CAST(:opened AS text[]))))
			ORDER BY report_id DESC
			""";

	// Which rendering of the report at a token a request gets (ReportVersion): the same
	// choice of the earlier report as FIND, without reading the reports themselves. xmin
	// is the transaction that last wrote a row: a re-scoring or a claim changes it.
	private static final String VERSION_AT = """
			SELECT r.id, r.xmin::text AS version, r.report_id,
			       r.unconfirmed AND r.customer_id IS DISTINCT FROM :signedIn AS unconfirmed,
			       p.id AS previous_id, p.xmin::text AS previous_version
			FROM big_five_result r
			LEFT JOIN LATERAL (
			    SELECT e.id, e.xmin, e.report_token FROM big_five_result e
			    WHERE e.customer_id = r.customer_id AND e.report_id < r.report_id AND NOT e.unconfirmed
			      AND (CAST(:since AS integer) IS NULL OR e.report_id = :since)
			    ORDER BY e.report_id DESC LIMIT 1) p
			  ON NOT r.unconfirmed
			     AND (r.customer_id = :signedIn
			          OR (CAST(:since AS integer) IS NULL AND p.report_token = ANY (CAST(:opened AS text[]))))
			WHERE r.report_token = :token
			""";

	private static final String OF_CUSTOMER = """
			SELECT report_id, created_at, report_token, unconfirmed, disowned_at IS NOT NULL AS disowned
			FROM big_five_result WHERE customer_id = :customerId ORDER BY report_id
			""";

	private static final String VALIDITY = """
			SELECT answers::int[] AS answers, seconds_taken, validity::text AS validity, language
			FROM big_five_result
			""";

	/** The stored suggestion line of a report whose answers look invalid. */
	static final String INVALID_LINE = "No suggestions: the answers look careless or invalid, so the report does not"
			+ " interpret them. Take the test again when you have 15 quiet minutes.";

	private final JdbcClient jdbc;

	private final ScoresDocument scoresDocument;

	private final ValidityDocument validityDocument;

	private final SuggestionRules suggestionRules = new SuggestionRules();

	private final ReportPages pages = new ReportPages(Explanations.standard(), Norms.johnson2014());

	private final StoredPdfs storedPdfs;

	Reports(JdbcClient jdbc, JsonMapper json, StoredPdfs storedPdfs) {
		this.jdbc = jdbc;
		this.storedPdfs = storedPdfs;
		this.scoresDocument = new ScoresDocument(json);
		this.validityDocument = new ValidityDocument(json);
	}

	/**
	 * Adds the next report of a customer whose row the current transaction has locked.
	 * @param answers the 120 answers in the inventory's order
	 * @param scores what they scored
	 * @param validity the careless-answering checks of the answers (and the time, when
	 * known), stored with the result
	 * @param language the language of the statements the answers were given to
	 * ({@code en}, {@code fr}, {@code pt-br} ...)
	 * @param secondsTaken how long answering took, or null when not known
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AddedReport add(long customerId, Channel channel, Demographics demographics, List<Integer> answers,
			Scores scores, Validity validity, String language, @Nullable Integer secondsTaken, boolean unconfirmed) {
		return this.jdbc.sql(ADD)
			.param("customerId", customerId)
			.param("scores", this.scoresDocument.write(scores))
			.param("suggestions",
					suggestionsText(scores, validity, demographics.age(), demographics.careerStage(),
							demographics.primaryGoal()))
			.param("channel", channel.id())
			.param("answers", answers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("name", demographics.name())
			.param("age", demographics.age())
			.param("profession", demographics.profession())
			.param("careerStage", CareerStage.codeOf(demographics.careerStage()))
			.param("purpose", PrimaryGoal.codeOf(demographics.primaryGoal()))
			.param("unconfirmed", unconfirmed)
			.param("language", language)
			.param("secondsTaken", secondsTaken)
			.param("validity", this.validityDocument.write(validity, ValidityDocument.Source.SUBMISSION))
			.query((rs, row) -> new AddedReport(rs.getLong("id"), rs.getInt("report_id"), rs.getString("report_token")))
			.single();
	}

	/**
	 * The suggestions stored with a report, one per line (see
	 * {@link #storedSuggestions}).
	 */
	String suggestionsText(Scores scores, Validity validity, @Nullable Integer age, @Nullable CareerStage stage,
			@Nullable PrimaryGoal goal) {
		return String.join("\n", storedSuggestions(scores, validity, age, stage, goal));
	}

	/**
	 * The report at a token, compared with the customer's previous report when that one
	 * is among the reports opened on the visitor's device.
	 */
	@Transactional(readOnly = true)
	Optional<ReportPage> findByToken(String token, OpenedReports opened, @Nullable Long signedIn,
			@Nullable Integer since) {
		List<ReportPages.Stored> found = this.jdbc.sql(FIND)
			.param("token", token)
			.param("opened", opened.asArrayLiteral())
			.param("signedIn", signedIn, java.sql.Types.BIGINT)
			.param("since", since, java.sql.Types.INTEGER)
			.query((rs, row) -> new ReportPages.Stored(rs.getInt("report_id"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getString("name"),
					rs.getObject("age", Integer.class), rs.getString("career_stage"), rs.getString("purpose"),
					this.scoresDocument.read(rs.getString("scores")), lines(rs.getString("suggestions")),
					answers(rs.getArray("answers")), rs.getObject("seconds_taken", Integer.class),
					rs.getBoolean("unconfirmed")))
			.list();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Optional<ReportPages.Stored> previous = (found.size() > 1) ? Optional.of(found.get(1)) : Optional.empty();
		return Optional.of(this.pages.page(found.get(0), previous));
	}

	/**
	 * Which rendering of the report at a token this visitor gets (the same choice of the
	 * earlier report as {@link #findByToken}); empty when there is no report there. One
	 * cheap query, run on every request: a report erased on any instance is gone at once.
	 * Outside a transaction (one round trip, not three): it is a single statement.
	 */
	Optional<ReportVersion> versionAt(String token, OpenedReports opened, @Nullable Long signedIn,
			@Nullable Integer since) {
		return this.jdbc.sql(VERSION_AT)
			.param("token", token)
			.param("opened", opened.asArrayLiteral())
			.param("signedIn", signedIn, java.sql.Types.BIGINT)
			.param("since", since, java.sql.Types.INTEGER)
			.query((rs, row) -> new ReportVersion(rs.getLong("id"), rs.getString("version"), rs.getInt("report_id"),
					rs.getBoolean("unconfirmed"), rs.getObject("previous_id", Long.class),
					rs.getString("previous_version")))
			.optional();
	}

	/** Every report of a customer, oldest first, for "my reports". */
	@Transactional(readOnly = true)
	public List<Listed> ofCustomer(long customerId) {
		return this.jdbc.sql(OF_CUSTOMER)
			.param("customerId", customerId)
			.query((rs, row) -> new Listed(rs.getInt("report_id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("report_token"), rs.getBoolean("unconfirmed"), rs.getBoolean("disowned")))
			.list();
	}

	/**
	 * The owner claims an unconfirmed report as theirs: it joins their history, and the
	 * details given with it update their record as a returning visit's would.
	 * @return the details given with it; empty unless it was an unconfirmed, not disowned
	 * report of this customer
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Demographics> claim(long customerId, int reportId) {
		return this.jdbc.sql("""
				UPDATE big_five_result SET unconfirmed = false
				WHERE customer_id = :customerId AND report_id = :reportId AND unconfirmed AND disowned_at IS NULL
				RETURNING name, age, profession, career_stage, purpose
				""")
			.param("customerId", customerId)
			.param("reportId", reportId)
			.query((rs, row) -> new Demographics(rs.getString("name"), rs.getObject("age", Integer.class),
					rs.getString("profession"), CareerStage.ofCode(rs.getString("career_stage")).orElse(null),
					PrimaryGoal.ofCode(rs.getString("purpose")).orElse(null)))
			.optional();
	}

	/**
	 * The careless-answering checks of a stored result, with the language and time it was
	 * answered in: as stored with the result; for a result stored before the checks were
	 * (and not yet reached by the backfill) computed now from its stored answers without
	 * the time; for a result without stored answers (legacy) {@code NOT_CHECKED}.
	 * @param resultId the result's {@code big_five_result.id}
	 * @return empty when there is no such result
	 */
	@Transactional(readOnly = true)
	public Optional<StoredValidity> validity(long resultId) {
		return this.jdbc.sql(VALIDITY + "WHERE id = :id")
			.param("id", resultId)
			.query((rs, row) -> storedValidity((Integer[]) arrayOrNull(rs.getArray("answers")),
					rs.getObject("seconds_taken", Integer.class), rs.getString("validity"), rs.getString("language")))
			.optional();
	}

	/** {@link #validity(long)} of the report at a token. */
	@Transactional(readOnly = true)
	Optional<StoredValidity> validityAt(String token) {
		return this.jdbc.sql(VALIDITY + "WHERE report_token = :token")
			.param("token", token)
			.query((rs, row) -> storedValidity((Integer[]) arrayOrNull(rs.getArray("answers")),
					rs.getObject("seconds_taken", Integer.class), rs.getString("validity"), rs.getString("language")))
			.optional();
	}

	/**
	 * The owner disowns an unconfirmed report: it leaves their history and change view;
	 * the row stays, so the numbers stay 1..n.
	 * @return whether it was an unconfirmed report of this customer not disowned before
	 */
	@Transactional
	public boolean disown(long customerId, int reportId) {
		return this.jdbc.sql("""
				UPDATE big_five_result SET disowned_at = clock_timestamp()
				WHERE customer_id = :customerId AND report_id = :reportId AND unconfirmed AND disowned_at IS NULL
				""").param("customerId", customerId).param("reportId", reportId).update() > 0;
	}

	/**
	 * The checks of one stored result from its columns; see {@link #validity(long)}.
	 */
	StoredValidity storedValidity(Integer @Nullable [] answers, @Nullable Integer secondsTaken,
			@Nullable String validity, @Nullable String language) {
		if (answers == null) {
			return new StoredValidity(StoredValidity.Status.NOT_CHECKED, null, language, secondsTaken);
		}
		Validity now = Validity.of(Arrays.asList(answers), secondsTaken);
		if (validity == null) {
			return new StoredValidity(StoredValidity.Status.COMPUTED_NOW, now, language, secondsTaken);
		}
		return new StoredValidity(StoredValidity.Status.STORED, this.validityDocument.read(validity, now), language,
				secondsTaken);
	}

	private static @Nullable Object arrayOrNull(java.sql.@Nullable Array array) throws SQLException {
		return (array != null) ? array.getArray() : null;
	}

	/**
	 * Erases the customer's results and the PDFs kept of them. The results go first: a
	 * PDF being stored for one of them at the same moment then waits for this erasure and
	 * is refused (its key is checked at its commit), instead of being left behind and
	 * failing the erasure.
	 */
	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		List<Long> results = this.jdbc.sql("DELETE FROM big_five_result WHERE customer_id = :id RETURNING id")
			.param("id", customerId)
			.query(Long.class)
			.list();
		return Map.of("big_five_result", results.size(), "report_pdf", this.storedPdfs.forget(results));
	}

	/**
	 * What {@code big_five_result.suggestions} keeps: one line per suggestion
	 * ({@link Suggestion#line()}) from the normed profile for the age given; when the
	 * answers look careless or invalid, one line saying so instead, as the report shows
	 * no suggestions then.
	 */
	private List<String> storedSuggestions(Scores scores, Validity validity, @Nullable Integer age,
			@Nullable CareerStage stage, @Nullable PrimaryGoal goal) {
		if (validity.likelyInvalid()) {
			return List.of(INVALID_LINE + " (From: " + String.join("; ",
					validity.flagged().stream().map((check) -> check.kind().title().toLowerCase(Locale.ROOT)).toList())
					+ ".)");
		}
		return this.suggestionRules.suggest(NormedProfile.of(scores, age), stage, goal)
			.stream()
			.map(Suggestion::line)
			.toList();
	}

	private static @Nullable List<Integer> answers(java.sql.@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		Object[] values = (Object[]) array.getArray();
		List<Integer> answers = new ArrayList<>(values.length);
		for (Object value : values) {
			answers.add(((Number) value).intValue());
		}
		return answers;
	}

	private static List<String> lines(String suggestions) {
		return Stream.of(suggestions.split("\n")).filter((line) -> !line.isBlank()).toList();
	}

	/**
	 * One report in a customer's list.
	 *
	 * @param reportId its number
	 * @param createdAt when taken
	 * @param token the token of its page
	 * @param unconfirmed taken by a visit not signed in as the owner of the confirmed
	 * address, and not claimed yet
	 * @param disowned the owner said it was not theirs
	 */
	public record Listed(int reportId, OffsetDateTime createdAt, String token, boolean unconfirmed, boolean disowned) {

		public String url() {
			return "/report/" + this.token;
		}

	}

	/**
	 * A report just added.
	 *
	 * @param resultId its row's {@code big_five_result.id}, which touches point at
	 * @param reportId its number for the customer, 1 for the first test
	 * @param token the unguessable token of its URL
	 */
	public record AddedReport(long resultId, int reportId, String token) {

		public String url() {
			return "/report/" + this.token;
		}

	}

}
