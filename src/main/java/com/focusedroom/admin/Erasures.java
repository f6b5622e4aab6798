package com.focusedroom.admin;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.focusedroom.customer.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR erasure (Art. 17): removes a customer and everything that refers to them in one
 * transaction, leaving only the keyed hash of their email and the time, so that the
 * address is recognised if it comes back (an import, a new test).
 */
@Service
public class Erasures {

	private static final Logger log = LoggerFactory.getLogger(Erasures.class);

	/**
	 * Tables whose rows of the customer are deleted explicitly, children first, because
	 * their foreign keys do not cascade. Every other table that refers to a customer
	 * cascades ({@code ErasureIntegrationTests} checks the catalogue against this list).
	 */
	static final String[] DELETED_EXPLICITLY = { "big_five_result", "legacy_subscriber" };

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final EmailHash hash;

	Erasures(JdbcClient jdbc, AuditLog audit, GdprProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.hash = properties.erasureConfigured() ? new EmailHash(properties.emailHashKey()) : null;
		if (this.hash == null) {
			log.warn("GDPR erasure is switched off: set focusedroom.gdpr.email-hash-key to a secret of at least {} "
					+ "characters (README, 'Admin area').", GdprProperties.MIN_KEY_LENGTH);
		}
	}

	/** Whether erasure can run (the hash key is configured). */
	public boolean available() {
		return this.hash != null;
	}

	/**
	 * When an address was erased, if it was: for imports and for the admin's view of a
	 * customer who came back.
	 */
	@Transactional(readOnly = true)
	public Optional<OffsetDateTime> erasedAt(EmailAddress email) {
		return erasedAt(email.value());
	}

	/** As {@link #erasedAt(EmailAddress)}, for an {@code email_id} as stored. */
	@Transactional(readOnly = true)
	Optional<OffsetDateTime> erasedAt(String emailId) {
		if (this.hash == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT erased_at FROM erased_customer WHERE email_hash = :hash")
			.param("hash", this.hash.ofStored(emailId))
			.query(OffsetDateTime.class)
			.optional();
	}

	/**
	 * Erases a customer and records who did it.
	 * @return false if there was no such customer (nothing changed)
	 * @throws IllegalStateException if erasure is not configured
	 */
	@Transactional
	public boolean erase(long customerId, Actor actor, AuditAction action) {
		return erase(customerId, actor, action, "", null);
	}

	/**
	 * Erases a customer only if, under the row lock, they still have no consent and have
	 * not visited since the cutoff (a customer may come back while the job runs).
	 */
	@Transactional
	boolean eraseIfIdleWithoutConsent(long customerId, OffsetDateTime cutoff) {
		return erase(customerId, Actor.RETENTION_JOB, AuditAction.RETENTION_ERASE,
				" AND NOT opt_in AND updated_at < :cutoff", cutoff);
	}

	private boolean erase(long customerId, Actor actor, AuditAction action, String condition, OffsetDateTime cutoff) {
		if (this.hash == null) {
			throw new IllegalStateException("Erasure needs focusedroom.gdpr.email-hash-key");
		}
		Optional<String> email = this.jdbc
			.sql("SELECT email_id FROM customer WHERE customer_id = :id" + condition + " FOR UPDATE")
			.param("id", customerId)
			.param("cutoff", cutoff)
			.query(String.class)
			.optional();
		if (email.isEmpty()) {
			return false;
		}
		this.jdbc.sql("""
				INSERT INTO erased_customer (email_hash) VALUES (:hash)
				ON CONFLICT (email_hash) DO UPDATE SET erased_at = EXCLUDED.erased_at
				""").param("hash", this.hash.ofStored(email.get())).update();
		int reports = 0;
		for (String table : DELETED_EXPLICITLY) {
			int deleted = this.jdbc.sql("DELETE FROM " + table + " WHERE customer_id = :id")
				.param("id", customerId)
				.update();
			if ("big_five_result".equals(table)) {
				reports = deleted;
			}
		}
		// Touches and consent events go with the customer (ON DELETE CASCADE).
		this.jdbc.sql("DELETE FROM customer WHERE customer_id = :id").param("id", customerId).update();
		this.audit.record(actor, action, customerId, "reports removed: " + reports);
		return true;
	}

}
