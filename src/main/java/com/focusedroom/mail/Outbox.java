package com.focusedroom.mail;

import java.time.Duration;
import java.util.Map;

import com.focusedroom.gdpr.CustomerDataOwner;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: where every message is written, in the transaction of the action that
 * causes it, before anything is sent. If the action rolls back, so does its mail; once it
 * commits, the mail is kept until it is delivered or has failed for good.
 */
@Service
public class Outbox implements CustomerDataOwner {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final Duration LIMIT_WINDOW = Duration.ofHours(1);

	private static final int MAX_CLIENT_KEY_LENGTH = 64;

	private final JdbcClient jdbc;

	private final Letters letters;

	private final MailProperties properties;

	private final JsonMapper json;

	private final MailMetrics metrics;

	private final boolean deliveryConfigured;

	Outbox(JdbcClient jdbc, Letters letters, MailProperties properties, JsonMapper json, MailMetrics metrics,
			ObjectProvider<JavaMailSender> sender) {
		this.jdbc = jdbc;
		this.letters = letters;
		this.properties = properties;
		this.json = json;
		this.metrics = metrics;
		this.deliveryConfigured = sender.getIfAvailable() != null;
	}

	/**
	 * Whether mail is delivered here: an SMTP server is configured
	 * ({@code spring.mail.host}). Without one, posted mail stays queued and the admin's
	 * Outbox shows it; a page can then show what it would otherwise only mail (the eBook
	 * link).
	 */
	public boolean deliveryConfigured() {
		return this.deliveryConfigured;
	}

	/**
	 * Writes a letter to the outbox, in the caller's transaction (or its own, if there is
	 * none). Not written to an address that is suppressed, nor over the per-recipient
	 * limit; the caller's action goes on either way, and the log says so without the
	 * address.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Posting post(Letter letter) {
		if (!this.properties.limitsEnabled()) {
			return postUnlimited(letter);
		}
		// One poster per address at a time, so two simultaneous requests cannot both pass
		// the limit.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 8))")
			.param(letter.recipient())
			.query()
			.rowSet();
		if (suppressed(letter.recipient())) {
			log.info("{} mail not queued: the address is suppressed", letter.kind());
			this.metrics.notQueued("suppressed");
			return Posting.SUPPRESSED;
		}
		// Counted per kind: a stranger who submits tests under someone's address uses up
		// that address's report mails, never the sign-in or confirmation mails its owner
		// asks for.
		if (sentInLastHour(letter.recipient(), letter.kind()) >= this.properties.perRecipientPerHour()) {
			log.info("{} mail not queued: the address reached its limit of {} of this kind an hour", letter.kind(),
					this.properties.perRecipientPerHour());
			this.metrics.notQueued("recipient_limit");
			return Posting.OVER_LIMIT;
		}
		String client = clientKey(letter.client());
		if (client != null) {
			// Taken after the address's lock, as by every post: one poster per client at
			// a
			// time, so parallel requests cannot all pass the client's limit.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 9))").param(client).query().rowSet();
			if (postedForClientInLastHour(client) >= this.properties.perClientPerHour()) {
				log.info("{} mail not queued: the requesting client reached its limit of {} an hour", letter.kind(),
						this.properties.perClientPerHour());
				this.metrics.notQueued("client_limit");
				return Posting.OVER_LIMIT;
			}
		}
		Letters.Rendered rendered = this.letters.render(letter);
		this.jdbc
			.sql("""
					INSERT INTO mail_outbox (customer_id, recipient, kind, subject, body_html, body_text, headers, client_key)
					VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
			.params(letter.customerId(), letter.recipient(), letter.kind().template(), rendered.subject(),
					rendered.html(), rendered.text(), this.json.writeValueAsString(rendered.headers()), client)
			.update();
		return Posting.QUEUED;
	}

	/**
	 * {@link #post} without the limits: no locks, one statement, which writes nothing to
	 * a suppressed address.
	 */
	private Posting postUnlimited(Letter letter) {
		Letters.Rendered rendered = this.letters.render(letter);
		int written = this.jdbc
			.sql("""
					INSERT INTO mail_outbox (customer_id, recipient, kind, subject, body_html, body_text, headers, client_key)
					SELECT ?, ?, ?, ?, ?, ?, ?::jsonb, ?
					WHERE NOT EXISTS (SELECT 1 FROM mail_suppression WHERE recipient = ?)""")
			.params(letter.customerId(), letter.recipient(), letter.kind().template(), rendered.subject(),
					rendered.html(), rendered.text(), this.json.writeValueAsString(rendered.headers()),
					clientKey(letter.client()), letter.recipient())
			.update();
		if (written == 0) {
			log.info("{} mail not queued: the address is suppressed", letter.kind());
			this.metrics.notQueued("suppressed");
			return Posting.SUPPRESSED;
		}
		return Posting.QUEUED;
	}

	/**
	 * An address confirmed again (a link from it was opened): it may be sent mail again.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void liftSuppression(String recipient) {
		this.jdbc.sql("DELETE FROM mail_suppression WHERE recipient = ?").param(recipient).update();
	}

	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		return Map.of("mail_outbox",
				this.jdbc.sql("DELETE FROM mail_outbox WHERE customer_id = ?").param(customerId).update());
	}

	/**
	 * Forgets which client caused which mail once the limit's window has passed: the key
	 * is an IP address, kept no longer than the limit needs it. Runs on every instance,
	 * with or without delivery.
	 */
	@Scheduled(fixedDelayString = "${focusedroom.mail.client-key-cleanup-interval:5m}", initialDelay = 60_000)
	void forgetClients() {
		this.jdbc.sql(
				"UPDATE mail_outbox SET client_key = NULL WHERE client_key IS NOT NULL AND created_at < clock_timestamp() - ?::interval")
			.param(LIMIT_WINDOW.toSeconds() + " seconds")
			.update();
	}

	private static @Nullable String clientKey(@Nullable String client) {
		if (client == null || client.isBlank()) {
			return null;
		}
		return (client.length() > MAX_CLIENT_KEY_LENGTH) ? client.substring(0, MAX_CLIENT_KEY_LENGTH) : client;
	}

	private int postedForClientInLastHour(String client) {
		return this.jdbc.sql(
				"SELECT count(*) FROM mail_outbox WHERE client_key = ? AND created_at > clock_timestamp() - ?::interval")
			.params(client, LIMIT_WINDOW.toSeconds() + " seconds")
			.query(Integer.class)
			.single();
	}

	private boolean suppressed(String recipient) {
		return this.jdbc.sql("SELECT 1 FROM mail_suppression WHERE recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private int sentInLastHour(String recipient, LetterKind kind) {
		return this.jdbc.sql("""
				SELECT count(*) FROM mail_outbox
				WHERE recipient = ? AND kind = ? AND created_at > clock_timestamp() - ?::interval""")
			.params(recipient, kind.template(), LIMIT_WINDOW.toSeconds() + " seconds")
			.query(Integer.class)
			.single();
	}

}
