package com.focusedroom.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery worker: sends what the outbox holds, on every app instance at once.
 * <p>
 * Each run claims the due messages in small batches with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so two instances never claim the same
 * message, sends each over SMTP while holding its row lock, and records the outcome in
 * the same transaction: sent; a temporary failure (4xx, a connection that broke or timed
 * out) retried after a doubling wait with jitter, failed after {@code max-tries}; a
 * server that cannot be reached at all retried without a try charged, so an SMTP outage
 * of any length gives nothing up; a permanent one (5xx) failed, and a 5xx for the
 * recipient suppresses the address. Delivery is <em>at least once</em>: if the app dies
 * after the server accepted a message and before the commit, the row is still queued and
 * the message goes again, with the same Message-ID (see
 * docs/decisions/0011-outbox-and-delivery.md). Runs only where {@code spring.mail.host}
 * is set; without it mail stays queued. Logs name the message number, never an address.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	/** A run stops after this many batches, so one instance cannot hog the scheduler. */
	private static final int MAX_BATCHES_PER_RUN = 100;

	private static final double JITTER = 0.2;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final @Nullable JavaMailSender sender;

	private final MailProperties.Delivery settings;

	private final MailMetrics metrics;

	private final JsonMapper json;

	private final InternetAddress from;

	private final MailProperties properties;

	MailDelivery(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<JavaMailSender> sender,
			MailProperties properties, MailMetrics metrics, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.sender = sender.getIfAvailable();
		this.settings = properties.delivery();
		this.metrics = metrics;
		this.json = json;
		this.properties = properties;
		this.from = properties.sender();
		if (this.sender == null) {
			log.info("No SMTP server configured (spring.mail.host): mail stays in the outbox, see /admin/outbox");
		}
	}

	@Scheduled(fixedDelayString = "${focusedroom.mail.delivery.interval:5s}",
			initialDelayString = "${focusedroom.mail.delivery.interval:5s}")
	void runScheduled() {
		if (this.sender == null) {
			return;
		}
		try {
			deliverDue();
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Mail delivery paused, the database is not available: {}", ex.getMessage());
		}
		finally {
			this.metrics.refresh();
		}
	}

	/**
	 * Sends what is due, batch after batch, until nothing is due, the server is
	 * unreachable, or the run has done its share.
	 * @return the messages sent
	 */
	int deliverDue() {
		JavaMailSender smtp = this.sender;
		if (smtp == null) {
			return 0;
		}
		int sent = 0;
		for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
			Batch batch = this.transactions.execute((status) -> deliverBatch(smtp));
			if (batch == null) {
				break;
			}
			sent += batch.sent();
			if (batch.claimed() < this.settings.batchSize() || batch.serverUnavailable()) {
				break;
			}
		}
		return sent;
	}

	private Batch deliverBatch(JavaMailSender smtp) {
		List<Queued> due = this.jdbc.sql("""
				SELECT o.mail_id, o.recipient, o.kind, o.subject, o.body_html, o.body_text, o.headers::text AS headers,
				       o.tries, o.message_id,
				       EXISTS (SELECT 1 FROM mail_suppression s WHERE s.recipient = o.recipient) AS suppressed
				FROM mail_outbox o
				WHERE o.state = 'queued' AND o.next_attempt_at <= clock_timestamp()
				ORDER BY o.next_attempt_at, o.mail_id
				LIMIT ?
				FOR UPDATE OF o SKIP LOCKED""")
			.param(this.settings.batchSize())
			.query((rs, row) -> new Queued(rs.getLong("mail_id"), rs.getString("recipient"), rs.getString("kind"),
					rs.getString("subject"), rs.getString("body_html"), rs.getString("body_text"),
					rs.getString("headers"), rs.getInt("tries"), rs.getObject("message_id", UUID.class),
					rs.getBoolean("suppressed")))
			.list();
		int sent = 0;
		for (Queued mail : due) {
			if (mail.suppressed()) {
				fail(mail, mail.tries(), "Not sent: the address was suppressed after it was queued");
				this.metrics.failed("suppressed");
				log.info("Mail {} ({}) not sent: its address is suppressed", mail.id(), mail.kind());
				continue;
			}
			MimeMessage message;
			try {
				message = message(smtp, mail);
			}
			catch (MessagingException | IllegalArgumentException ex) {
				fail(mail, mail.tries() + 1, "Not sent: the message could not be built: " + ex.getMessage());
				this.metrics.failed("invalid");
				log.warn("Mail {} ({}) failed: the message could not be built ({})", mail.id(), mail.kind(),
						ex.getClass().getSimpleName());
				continue;
			}
			try {
				smtp.send(message);
			}
			catch (MailException ex) {
				DeliveryFailure failure = DeliveryFailure.of(ex);
				failed(mail, failure);
				if (failure.stopsTheRun()) {
					return new Batch(due.size(), sent, true);
				}
				continue;
			}
			this.jdbc
				.sql("UPDATE mail_outbox SET state = 'sent', sent_at = clock_timestamp(), tries = ? WHERE mail_id = ?")
				.params(tries(mail.tries() + 1), mail.id())
				.update();
			this.metrics.sent();
			sent++;
			log.info("Mail {} ({}) sent", mail.id(), mail.kind());
		}
		return new Batch(due.size(), sent, false);
	}

	private void failed(Queued mail, DeliveryFailure failure) {
		int tries = mail.tries() + 1;
		switch (failure.kind()) {
			case RECIPIENT_REJECTED -> {
				fail(mail, tries, failure.description());
				this.jdbc.sql("""
						INSERT INTO mail_suppression (recipient, reason) VALUES (?, ?)
						ON CONFLICT (recipient) DO UPDATE SET reason = EXCLUDED.reason""")
					.params(mail.recipient(), failure.description())
					.update();
				this.metrics.failed("rejected");
				log.warn("Mail {} ({}) failed for good ({}): the address is suppressed", mail.id(), mail.kind(),
						failure.forLog());
			}
			case MESSAGE_REJECTED -> {
				fail(mail, tries, failure.description());
				this.metrics.failed("rejected");
				log.warn("Mail {} ({}) failed for good ({}): the server refused the message", mail.id(), mail.kind(),
						failure.forLog());
			}
			case NOT_CONNECTED -> {
				// Not the message's fault and not an answer: it waits, without a try
				// charged, until the server can be reached again (nothing is given up
				// because the SMTP server was away for a few hours).
				Duration wait = jittered(this.settings.backoff(Math.max(mail.tries(), 1)));
				this.jdbc.sql("""
						UPDATE mail_outbox SET last_error = ?,
						       next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'
						WHERE mail_id = ?""")
					.params(truncated(failure.description()), wait.toMillis(), mail.id())
					.update();
				this.metrics.retried();
				log.info("Mail {} ({}) not delivered, the SMTP server cannot be reached ({}); next try in {} s",
						mail.id(), mail.kind(), failure.forLog(), wait.toSeconds());
			}
			case TEMPORARY, SERVER_UNAVAILABLE -> {
				if (tries >= this.settings.maxTries()) {
					fail(mail, tries, failure.description());
					this.metrics.failed("exhausted");
					log.warn("Mail {} ({}) failed after {} tries ({})", mail.id(), mail.kind(), tries,
							failure.forLog());
					return;
				}
				Duration wait = jittered(this.settings.backoff(tries));
				this.jdbc.sql("""
						UPDATE mail_outbox SET tries = ?, last_error = ?,
						       next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'
						WHERE mail_id = ?""")
					.params(tries(tries), failure.description(), wait.toMillis(), mail.id())
					.update();
				this.metrics.retried();
				log.info("Mail {} ({}) not delivered, try {} of {} ({}); next try in {} s", mail.id(), mail.kind(),
						tries, this.settings.maxTries(), failure.forLog(), wait.toSeconds());
			}
		}
	}

	private void fail(Queued mail, int tries, String error) {
		this.jdbc.sql("UPDATE mail_outbox SET state = 'failed', tries = ?, last_error = ? WHERE mail_id = ?")
			.params(tries(tries), truncated(error), mail.id())
			.update();
	}

	/**
	 * The message as it goes out: multipart/alternative with the plain text first and the
	 * HTML second (mail programs show the last part they can), our sender, a stable
	 * Message-ID, and the stored headers (newsletter-type mail: List-Unsubscribe).
	 */
	private MimeMessage message(JavaMailSender smtp, Queued mail) throws MessagingException {
		MimeMessage message = smtp.createMimeMessage();
		message.setFrom(this.from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
		message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.setSentDate(new Date());
		message.setHeader("Message-ID", this.properties.messageId(mail.messageId()));
		// RFC 3834: sent by a program, so vacation responders do not answer it.
		message.setHeader("Auto-Submitted", "auto-generated");
		for (Map.Entry<String, String> header : this.json.readValue(mail.headers(), HEADERS).entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		return message;
	}

	private static Duration jittered(Duration wait) {
		double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
		return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
	}

	private static int tries(int tries) {
		return Math.min(tries, Short.MAX_VALUE);
	}

	private static String truncated(String error) {
		return (error.length() > 1000) ? error.substring(0, 1000) : error;
	}

	private record Queued(long id, String recipient, String kind, String subject, String html, String text,
			String headers, int tries, UUID messageId, boolean suppressed) {
	}

	private record Batch(int claimed, int sent, boolean serverUnavailable) {
	}

}
