package com.focusedroom.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox holds, for the admin area: the messages (one page at a time, one by
 * one, one customer's), the suppression list and lifting a suppression. The admin reads
 * mail through here, never the mail tables.
 */
@Service
public class MailLog {

	/** Rows per page of the Outbox and the suppression list. */
	public static final int PAGE_SIZE = 50;

	private static final String SUMMARY_COLUMNS = "mail_id, customer_id, recipient, kind, subject, state, tries, "
			+ "next_attempt_at, last_error, created_at, sent_at";

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final AuditLog audit;

	private final JsonMapper json;

	private final MailProperties properties;

	MailLog(JdbcClient jdbc, Outbox outbox, AuditLog audit, JsonMapper json, MailProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.audit = audit;
		this.json = json;
		this.properties = properties;
	}

	/** Whether an SMTP server is configured; without one everything stays queued. */
	public boolean deliveryConfigured() {
		return this.outbox.deliveryConfigured();
	}

	/** How many messages are in each state. */
	@Transactional(readOnly = true)
	public Counts counts() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE state = 'queued') AS queued,
				       count(*) FILTER (WHERE state = 'sent') AS sent,
				       count(*) FILTER (WHERE state = 'failed') AS failed,
				       (SELECT count(*) FROM mail_suppression) AS suppressed
				FROM mail_outbox""")
			.query((rs, row) -> new Counts(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("failed"),
					rs.getLong("suppressed")))
			.single();
	}

	/**
	 * One page of messages, newest first, optionally in one state only; one more than
	 * {@link #PAGE_SIZE} when a next page exists.
	 */
	@Transactional(readOnly = true)
	public List<Summary> page(@Nullable State state, int page) {
		String where = (state != null) ? "WHERE state = :state " : "";
		return this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM mail_outbox " + where
					+ "ORDER BY mail_id DESC LIMIT :limit OFFSET :offset")
			.param("state", (state != null) ? state.code() : null)
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) Math.max(page, 0) * PAGE_SIZE)
			.query((rs, row) -> summary(rs))
			.list();
	}

	/** Every message about one customer, newest first. */
	@Transactional(readOnly = true)
	public List<Summary> forCustomer(long customerId) {
		return this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + " FROM mail_outbox WHERE customer_id = ? ORDER BY mail_id DESC")
			.param(customerId)
			.query((rs, row) -> summary(rs))
			.list();
	}

	/**
	 * One message with its parts and headers, as the admin sees it; the viewing is
	 * audited (a mail holds personal data).
	 */
	@Transactional
	public Optional<Message> message(long mailId, Actor actor) {
		Optional<Message> message = this.jdbc
			.sql("SELECT " + SUMMARY_COLUMNS + ", body_html, body_text, headers::text AS headers, message_id "
					+ "FROM mail_outbox WHERE mail_id = ?")
			.param(mailId)
			.query((rs, row) -> new Message(summary(rs), rs.getString("body_html"), rs.getString("body_text"),
					this.json.readValue(rs.getString("headers"), HEADERS),
					this.properties.messageId(rs.getObject("message_id", UUID.class))))
			.optional();
		message.ifPresent((found) -> this.audit.record(actor, AuditAction.VIEW_MAIL, found.summary().customerId(),
				"mail " + mailId));
		return message;
	}

	/**
	 * One page of suppressed addresses, newest first; one more when a next page exists.
	 */
	@Transactional(readOnly = true)
	public List<Suppression> suppressions(int page) {
		return this.jdbc.sql("""
				SELECT recipient, reason, suppressed_at FROM mail_suppression
				ORDER BY suppressed_at DESC, recipient LIMIT ? OFFSET ?""")
			.params(PAGE_SIZE + 1, (long) Math.max(page, 0) * PAGE_SIZE)
			.query((rs, row) -> new Suppression(rs.getString("recipient"), rs.getString("reason"),
					rs.getObject("suppressed_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Lifts a suppression by an admin (the address was fixed, the mailbox exists again),
	 * audited in the same transaction with the customer the address last got mail about.
	 * @return whether the address was suppressed
	 */
	@Transactional
	public boolean liftSuppression(String recipient, Actor actor) {
		int lifted = this.jdbc.sql("DELETE FROM mail_suppression WHERE recipient = ?").param(recipient).update();
		if (lifted == 0) {
			return false;
		}
		Long customerId = this.jdbc.sql("""
				SELECT customer_id FROM mail_outbox WHERE recipient = ? AND customer_id IS NOT NULL
				ORDER BY mail_id DESC LIMIT 1""").param(recipient).query(Long.class).optional().orElse(null);
		this.audit.record(actor, AuditAction.LIFT_SUPPRESSION, customerId, "suppression lifted");
		return true;
	}

	private static Summary summary(ResultSet rs) throws SQLException {
		return new Summary(rs.getLong("mail_id"), (Long) rs.getObject("customer_id"), rs.getString("recipient"),
				rs.getString("kind"), rs.getString("subject"), State.of(rs.getString("state")), rs.getInt("tries"),
				rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
	}

	/** A message's state. */
	public enum State {

		QUEUED, SENT, FAILED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The state of a code, or {@code null} for anything else (no filter). */
		public static @Nullable State ofCode(@Nullable String code) {
			for (State state : values()) {
				if (state.code().equals(code)) {
					return state;
				}
			}
			return null;
		}

		static State of(String code) {
			State state = ofCode(code);
			if (state == null) {
				throw new IllegalStateException("Unknown mail state " + code);
			}
			return state;
		}

	}

	/** How many messages are in each state, and how many addresses are suppressed. */
	public record Counts(long queued, long sent, long failed, long suppressed) {
	}

	/** A message as the Outbox list shows it. */
	public record Summary(long id, @Nullable Long customerId, String recipient, String kind, String subject,
			State state, int tries, OffsetDateTime nextAttemptAt, @Nullable String lastError, OffsetDateTime createdAt,
			@Nullable OffsetDateTime sentAt) {
	}

	/** A whole message: its HTML and plain-text parts and its extra headers. */
	public record Message(Summary summary, String html, String text, Map<String, String> headers, String messageId) {
	}

	/** A suppressed address and why. */
	public record Suppression(String recipient, String reason, OffsetDateTime suppressedAt) {
	}

}
