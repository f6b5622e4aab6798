package com.focusedroom.gdpr;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR erasure (Art. 17): every module that owns customer data deletes the customer's
 * rows ({@link CustomerDataOwner}), in one transaction, leaving only the keyed hash of
 * their email and the time, so that the address is recognised if it comes back (an
 * import, a new test).
 */
@Service
public class Erasures {

	private static final Logger log = LoggerFactory.getLogger(Erasures.class);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final @Nullable EmailHash hash;

	private final List<CustomerDataOwner> owners;

	Erasures(JdbcClient jdbc, AuditLog audit, GdprProperties properties, List<CustomerDataOwner> owners) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.owners = List.copyOf(owners);
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
	 * @param emailId the address as stored in {@code customer.email_id} (normalised)
	 */
	@Transactional(readOnly = true)
	public Optional<OffsetDateTime> erasedAt(String emailId) {
		if (this.hash == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT erased_at FROM erased_customer WHERE email_hash = :hash")
			.param("hash", this.hash.ofStored(emailId))
			.query(OffsetDateTime.class)
			.optional();
	}

	/**
	 * Erases a customer at an admin's request and records who did it.
	 * @return false if there was no such customer (nothing changed)
	 * @throws IllegalStateException if erasure is not configured
	 */
	@Transactional
	public boolean erase(long customerId, Actor actor) {
		return erase(customerId, actor, AuditAction.ERASE, "", null);
	}

	/**
	 * Erases a customer only if, under the row lock, they still have no consent and have
	 * not visited since the cutoff (a customer may come back while the job runs).
	 */
	@Transactional
	boolean eraseIfIdleWithoutConsent(long customerId, OffsetDateTime cutoff) {
		return erase(customerId, RetentionJob.ACTOR, AuditAction.RETENTION_ERASE,
				" AND NOT opt_in AND updated_at < :cutoff", cutoff);
	}

	private boolean erase(long customerId, Actor actor, AuditAction action, String condition,
			@Nullable OffsetDateTime cutoff) {
		EmailHash key = this.hash;
		if (key == null) {
			throw new IllegalStateException("Erasure needs focusedroom.gdpr.email-hash-key");
		}
		// Reads the customer read model (DATABASE_SCHEMA.md, "Who writes which table"),
		// and locks the row so that no visit adds data while the owners erase.
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
				""").param("hash", key.ofStored(email.get())).update();
		Map<String, Integer> removed = new TreeMap<>();
		for (CustomerDataOwner owner : this.owners) {
			removed.putAll(owner.eraseCustomer(customerId));
		}
		this.audit.record(actor, action, customerId,
				"rows removed: " + removed.entrySet()
					.stream()
					.map((table) -> table.getKey() + " " + table.getValue())
					.collect(Collectors.joining(", ")));
		return true;
	}

}
