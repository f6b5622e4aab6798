package com.focusedroom.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.scoring.Domain;
import com.focusedroom.customer.PrimaryGoal;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads customers for the admin area: a filtered, sorted page of them (paged in SQL), and
 * one customer with their touches, consent history and reports.
 */
@Service
class CustomerDirectory {

	static final int PAGE_SIZE = 25;

	private static final Domain[] TRAITS = Domain.values();

	private final JdbcClient jdbc;

	CustomerDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	CustomerPage find(CustomerFilter filter, CustomerSort sort, int page) {
		int number = Math.max(page, 0);
		long total = this.jdbc.sql("SELECT count(*) FROM customer c " + filter.where())
			.params(filter.parameters())
			.query(Long.class)
			.single();
		// The number of tests is counted for the page's rows only, after the sort and
		// limit.
		List<CustomerRow> rows = this.jdbc.sql("SELECT p.*, ch.channel_name, "
				+ "(SELECT count(*) FROM big_five_result r WHERE r.customer_id = p.customer_id) AS tests "
				+ "FROM (SELECT c.customer_id, c.email_id, c.name, c.profession, c.career_stage, c.channel_id, "
				+ "c.create_dt, c.opt_in FROM customer c " + filter.where() + "ORDER BY " + sort.orderBy()
				+ " LIMIT :limit OFFSET :offset) AS p JOIN channel_details ch ON ch.channel_id = p.channel_id ORDER BY "
				+ sort.orderBy().replace("c.", "p."))
			.params(filter.parameters())
			.param("limit", PAGE_SIZE)
			.param("offset", (long) number * PAGE_SIZE)
			.query((rs, row) -> new CustomerRow(rs.getLong("customer_id"), rs.getString("email_id"),
					rs.getString("name"), rs.getString("profession"), stageLabel(rs.getString("career_stage")),
					rs.getString("channel_name"), rs.getObject("create_dt", OffsetDateTime.class),
					rs.getBoolean("opt_in"), rs.getLong("tests")))
			.list();
		return new CustomerPage(rows, number, PAGE_SIZE, total);
	}

	@Transactional(readOnly = true)
	Optional<CustomerDetail> detail(long customerId) {
		return this.jdbc.sql("""
				SELECT c.customer_id, c.email_id, c.name, c.age, c.profession, c.career_stage, c.purpose,
				       ch.channel_name, c.create_dt, c.updated_at, c.opt_in, c.email_confirmed_at
				FROM customer c JOIN channel_details ch ON ch.channel_id = c.channel_id WHERE c.customer_id = :id
				""")
			.param("id", customerId)
			.query((rs, row) -> new CustomerDetail(rs.getLong("customer_id"), rs.getString("email_id"),
					rs.getString("name"), rs.getObject("age", Integer.class), rs.getString("profession"),
					rs.getString("career_stage"), stageLabel(rs.getString("career_stage")), rs.getString("purpose"),
					goalLabel(rs.getString("purpose")), rs.getString("channel_name"),
					rs.getObject("create_dt", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
					rs.getBoolean("opt_in"), rs.getObject("email_confirmed_at", OffsetDateTime.class),
					touches(customerId), consentHistory(customerId), reports(customerId)))
			.optional();
	}

	private List<Touch> touches(long customerId) {
		return this.jdbc.sql("""
				SELECT t.touched_at, ch.channel_name, t.kind, r.report_id, t.utm_source, t.utm_medium,
				       t.utm_campaign, t.referrer
				FROM customer_touch t JOIN channel_details ch ON ch.channel_id = t.channel_id
				LEFT JOIN big_five_result r ON r.id = t.result_id
				WHERE t.customer_id = :id ORDER BY t.touched_at, t.touch_id
				""")
			.param("id", customerId)
			.query((rs, row) -> new Touch(rs.getObject("touched_at", OffsetDateTime.class),
					rs.getString("channel_name"), rs.getString("kind"), rs.getObject("report_id", Integer.class),
					rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
					rs.getString("referrer")))
			.list();
	}

	/**
	 * The consent history as an admin reads it: every request (a ticked box, pending
	 * until its mailed link is confirmed) and every grant and withdrawal, in time order.
	 * A grant names the request it confirms; a grant without one from a form is a legacy
	 * grant (single opt-in, before V9: decision 0012).
	 */
	private List<ConsentChange> consentHistory(long customerId) {
		return this.jdbc
			.sql("""
					SELECT h.* FROM (
					    SELECT r.requested_at AS at, 0 AS kind_order, r.consent_request_id AS row_id, r.purpose,
					           'request' AS action, r.source, ch.channel_name, t.version, r.consent_request_id AS request_id,
					           r.requested_at, r.expires_at, r.confirmed_at, r.expires_at < clock_timestamp() AS expired
					    FROM consent_request r JOIN consent_text t ON t.consent_text_id = r.consent_text_id
					    LEFT JOIN channel_details ch ON ch.channel_id = r.channel_id
					    WHERE r.customer_id = :id
					    UNION ALL
					    SELECT e.occurred_at, 1, e.consent_event_id, e.purpose, e.action, e.source, ch.channel_name,
					           t.version, e.consent_request_id, r.requested_at, r.expires_at, r.confirmed_at, false
					    FROM consent_event e LEFT JOIN consent_text t ON t.consent_text_id = e.consent_text_id
					    LEFT JOIN channel_details ch ON ch.channel_id = e.channel_id
					    LEFT JOIN consent_request r ON r.consent_request_id = e.consent_request_id
					    WHERE e.customer_id = :id
					) h ORDER BY h.at, h.kind_order, h.row_id
					""")
			.param("id", customerId)
			.query((rs, row) -> new ConsentChange(rs.getObject("at", OffsetDateTime.class), rs.getString("purpose"),
					rs.getString("action"), rs.getString("source"), rs.getString("channel_name"),
					rs.getString("version"), rs.getObject("request_id", Long.class),
					rs.getObject("requested_at", OffsetDateTime.class),
					rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("confirmed_at", OffsetDateTime.class), rs.getBoolean("expired")))
			.list();
	}

	private List<ReportSummary> reports(long customerId) {
		List<ReportSummary> reports = new ArrayList<>();
		this.jdbc.sql("""
				SELECT r.report_id, r.report_token, r.created_at, ch.channel_name, r.profession, r.career_stage,
				       r.scores->'O' AS o, r.scores->'C' AS c, r.scores->'E' AS e, r.scores->'A' AS a,
				       r.scores->'N' AS n, r.language, r.seconds_taken, r.validity::text AS validity,
				       CASE WHEN r.validity IS NULL THEN r.answers::int[] END AS unchecked_answers,
				       jsonb_array_length(r.translation_fixes) > 0 AS rescored
				FROM big_five_result r JOIN channel_details ch ON ch.channel_id = r.channel_id
				WHERE r.customer_id = :id ORDER BY r.report_id
				""").param("id", customerId).query((ResultSet rs) -> {
			Integer[] scores = new Integer[TRAITS.length];
			for (int i = 0; i < TRAITS.length; i++) {
				scores[i] = score(rs, TRAITS[i].code().toLowerCase(Locale.ROOT));
			}
			ReportSummary previous = reports.isEmpty() ? null : reports.get(reports.size() - 1);
			List<TraitScore> traits = new ArrayList<>();
			for (int i = 0; i < TRAITS.length; i++) {
				Integer before = (previous != null) ? previous.traits().get(i).score() : null;
				Integer change = (scores[i] != null && before != null) ? scores[i] - before : null;
				traits.add(new TraitScore(TRAITS[i].code(), scores[i], change));
			}
			Integer seconds = rs.getObject("seconds_taken", Integer.class);
			java.sql.Array unchecked = rs.getArray("unchecked_answers");
			AnswerCheck check = AnswerCheck.of(rs.getString("validity"),
					(unchecked != null) ? Arrays.asList((Integer[]) unchecked.getArray()) : null, seconds);
			reports.add(new ReportSummary(rs.getInt("report_id"), rs.getString("report_token"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getString("channel_name"),
					rs.getString("profession"), stageLabel(rs.getString("career_stage")), traits,
					rs.getString("language"), seconds, check, rs.getBoolean("rescored")));
		});
		return reports;
	}

	/** A 0-100 score from the JSON, or null when a (legacy) report has none. */
	private static @Nullable Integer score(ResultSet rs, String column) throws SQLException {
		String json = rs.getString(column);
		if (json == null) {
			return null;
		}
		try {
			return (int) Math.round(Double.parseDouble(json));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable String stageLabel(@Nullable String code) {
		return (code != null) ? CareerStage.ofCode(code).map(CareerStage::label).orElse(code) : null;
	}

	static @Nullable String goalLabel(@Nullable String code) {
		return (code != null) ? PrimaryGoal.ofCode(code).map(PrimaryGoal::label).orElse(code) : null;
	}

	record CustomerPage(List<CustomerRow> rows, int number, int size, long total) {

		public long pages() {
			return Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return (long) (this.number + 1) * this.size < this.total;
		}

		public long firstRow() {
			return this.rows.isEmpty() ? 0 : (long) this.number * this.size + 1;
		}

		public long lastRow() {
			return (long) this.number * this.size + this.rows.size();
		}

	}

	record CustomerRow(long id, String email, @Nullable String name, @Nullable String profession,
			@Nullable String careerStage, String channel, OffsetDateTime created, boolean optIn, long tests) {

	}

	record CustomerDetail(long id, String email, @Nullable String name, @Nullable Integer age,
			@Nullable String profession, @Nullable String careerStageCode, @Nullable String careerStage,
			@Nullable String purposeCode, @Nullable String purpose, String channel, OffsetDateTime created,
			OffsetDateTime lastVisit, boolean optIn, @Nullable OffsetDateTime emailConfirmedAt, List<Touch> touches,
			List<ConsentChange> consentHistory, List<ReportSummary> reports) {

	}

	record Touch(OffsetDateTime at, String channel, String kind, @Nullable Integer reportId, @Nullable String utmSource,
			@Nullable String utmMedium, @Nullable String utmCampaign, @Nullable String referrer) {

	}

	/**
	 * One line of the consent history: a request (action {@code request}) or a grant or
	 * withdrawal from {@code consent_event}.
	 *
	 * @param requestId the request itself, or the request a grant confirms; null for a
	 * grant without one (legacy or signed in) and for a withdrawal
	 * @param requestedAt when the request was made (the box ticked)
	 * @param expiresAt until when the request's link works
	 * @param confirmedAt when the request's link was confirmed; null while pending
	 * @param expired whether a request's link has expired
	 */
	record ConsentChange(OffsetDateTime at, String purpose, String action, String source, @Nullable String channel,
			@Nullable String textVersion, @Nullable Long requestId, @Nullable OffsetDateTime requestedAt,
			@Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime confirmedAt, boolean expired) {

		/** What this line means for the consent, as the admin page names it. */
		public Confirmation confirmation() {
			if ("request".equals(this.action)) {
				if (this.confirmedAt != null) {
					return Confirmation.REQUEST_CONFIRMED;
				}
				return this.expired ? Confirmation.REQUEST_EXPIRED : Confirmation.REQUEST_PENDING;
			}
			if (!"grant".equals(this.action)) {
				return Confirmation.WITHDRAWAL;
			}
			if (this.requestId != null) {
				return Confirmation.CONFIRMED_GRANT;
			}
			return "my_reports".equals(this.source) ? Confirmation.SIGNED_IN_GRANT : Confirmation.LEGACY_GRANT;
		}

	}

	/** How a line of the consent history stands (decision 0012). */
	enum Confirmation {

		/**
		 * A ticked box whose mailed link has not been confirmed yet: opt-in unchanged.
		 */
		REQUEST_PENDING,

		/** A request whose link was confirmed: the grant names it. */
		REQUEST_CONFIRMED,

		/** A request whose link expired unconfirmed: it changed nothing. */
		REQUEST_EXPIRED,

		/** A grant written when a request's link was confirmed (double opt-in). */
		CONFIRMED_GRANT,

		/**
		 * A grant by the customer signed in to "my reports" (their address confirmed).
		 */
		SIGNED_IN_GRANT,

		/** A grant recorded before double opt-in (V9): single opt-in, no request. */
		LEGACY_GRANT,

		/** A withdrawal. */
		WITHDRAWAL

	}

	/**
	 * One report on the customer's page.
	 *
	 * @param language the language of the statements it was answered in, or null when not
	 * recorded (before V7)
	 * @param secondsTaken how long answering took, or null when not known
	 * @param check whether the answers look careless or invalid
	 * @param rescored whether a translation fix re-scored it (docs/decisions/0010)
	 */
	record ReportSummary(int reportId, String token, OffsetDateTime created, String channel,
			@Nullable String profession, @Nullable String careerStage, List<TraitScore> traits,
			@Nullable String language, @Nullable Integer secondsTaken, AnswerCheck check, boolean rescored) {

		/** The time taken in words, e.g. "12 min 5 s", or "–" when not known. */
		public String timeTaken() {
			if (this.secondsTaken == null) {
				return "–";
			}
			int minutes = this.secondsTaken / 60;
			int seconds = this.secondsTaken % 60;
			return (minutes == 0) ? seconds + " s" : minutes + " min " + seconds + " s";
		}

	}

	/**
	 * One trait of a report.
	 *
	 * @param trait its letter, O C E A N
	 * @param score 0-100, or null for a legacy report without scores
	 * @param change the difference to the previous report, or null for the first
	 */
	record TraitScore(String trait, @Nullable Integer score, @Nullable Integer change) {

		public String changeText() {
			if (this.change == null) {
				return "";
			}
			return (this.change > 0) ? "+" + this.change : (this.change == 0) ? "±0" : "−" + (-this.change);
		}

	}

}
