package com.focusedroom.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import com.focusedroom.channel.Channel;
import com.focusedroom.gdpr.CustomerDataOwner;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer records: one per normalised email, ever.
 * <p>
 * First among the erasure's owners: the consent history may only lose rows once their
 * customer is gone (its append-only trigger, V3), and the foreign keys of the other
 * modules' rows are checked at commit.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Customers implements CustomerDataOwner {

	// One statement finds or creates the customer, so two visits with the same new email
	// can never both insert: the second waits on the unique key, then takes the update
	// branch. The update always writes the row, which locks it until the caller's
	// transaction ends: that lock is what serialises report numbering for the customer.
	// opt_in is never written here: it follows the consent history (consent module).
	// Once the address is confirmed (its owner opened a link mailed to it), a visit that
	// is
	// not signed in as the owner changes none of the owner's details (decision 0012): it
	// still writes the row, so the lock below is taken all the same.
	private static final String RECORD_VISIT = """
			INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id)
			VALUES (:email, :name, :age, :profession, :careerStage, :purpose, :channel)
			ON CONFLICT (email_id) DO UPDATE SET
			    name = CASE WHEN c.email_confirmed_at IS NULL OR c.customer_id = :owner
			                THEN coalesce(EXCLUDED.name, c.name) ELSE c.name END,
			    age = CASE WHEN c.email_confirmed_at IS NULL OR c.customer_id = :owner
			               THEN coalesce(EXCLUDED.age, c.age) ELSE c.age END,
			    profession = CASE WHEN c.email_confirmed_at IS NULL OR c.customer_id = :owner
			                      THEN coalesce(EXCLUDED.profession, c.profession) ELSE c.profession END,
			    career_stage = CASE WHEN c.email_confirmed_at IS NULL OR c.customer_id = :owner
			                        THEN coalesce(EXCLUDED.career_stage, c.career_stage) ELSE c.career_stage END,
			    purpose = CASE WHEN c.email_confirmed_at IS NULL OR c.customer_id = :owner
			                   THEN coalesce(EXCLUDED.purpose, c.purpose) ELSE c.purpose END,
			    updated_at = now()
			RETURNING customer_id, age, name, email_id,
			          (email_confirmed_at IS NOT NULL AND customer_id IS DISTINCT FROM :owner) AS unconfirmed
			""";

	private static final String DEMOGRAPHICS = """
			SELECT name, age, profession, career_stage, purpose FROM customer WHERE customer_id = :id
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Customers(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Records that a person came through a channel: creates the customer for a new email
	 * (that channel becomes its first channel, kept forever), or updates the given
	 * demographics of a known one. The customer row stays locked until the surrounding
	 * transaction ends.
	 * @return the customer and the age on record after this visit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Visit recordVisit(EmailAddress email, Demographics demographics, Channel channel) {
		return recordVisit(email, demographics, channel, null);
	}

	/**
	 * Records a visit as {@link #recordVisit(EmailAddress, Demographics, Channel)} does,
	 * from a visitor who may be signed in to "my reports". Once the address is confirmed,
	 * only its signed-in owner's details update the record (decision 0012); anyone else's
	 * visit is {@link Visit#unconfirmed() unconfirmed} and leaves them as they are.
	 * @param signedIn the customer the visitor is signed in as, or {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Visit recordVisit(EmailAddress email, Demographics demographics, Channel channel, @Nullable Long signedIn) {
		return this.jdbc.sql(RECORD_VISIT)
			.param("email", email.value())
			.param("name", demographics.name())
			.param("age", demographics.age())
			.param("profession", demographics.profession())
			.param("careerStage", CareerStage.codeOf(demographics.careerStage()))
			.param("purpose", PrimaryGoal.codeOf(demographics.primaryGoal()))
			.param("channel", channel.id())
			.param("owner", signedIn)
			.query((rs, row) -> new Visit(rs.getLong("customer_id"), rs.getObject("age", Integer.class),
					rs.getString("name"), rs.getString("email_id"), rs.getBoolean("unconfirmed")))
			.single();
	}

	/**
	 * Records that the owner of the customer's address proved they read its mail (a
	 * sign-in link or a newsletter confirmation opened from it), in the caller's
	 * transaction.
	 * @return the confirmed address; empty if there is no such customer
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> confirmEmail(long customerId) {
		return this.jdbc.sql("""
				UPDATE customer SET email_confirmed_at = clock_timestamp() WHERE customer_id = :id RETURNING email_id
				""").param("id", customerId).query(String.class).optional();
	}

	/**
	 * Takes over the details a customer's own unconfirmed visit gave (a report they
	 * claimed as theirs): given values replace the stored ones, blanks keep them, as a
	 * returning customer's visit does.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void adoptDetails(long customerId, Demographics given) {
		this.jdbc.sql("""
				UPDATE customer SET name = coalesce(:name, name), age = coalesce(:age, age),
				       profession = coalesce(:profession, profession), career_stage = coalesce(:stage, career_stage),
				       purpose = coalesce(:purpose, purpose), updated_at = now()
				WHERE customer_id = :id
				""")
			.param("name", given.name())
			.param("age", given.age())
			.param("profession", given.profession())
			.param("stage", CareerStage.codeOf(given.careerStage()))
			.param("purpose", PrimaryGoal.codeOf(given.primaryGoal()))
			.param("id", customerId)
			.update();
	}

	/** The customer's normalised address and whether it is confirmed; empty if none. */
	@Transactional(readOnly = true)
	public Optional<Account> account(long customerId) {
		return this.jdbc
			.sql("SELECT email_id, email_confirmed_at IS NOT NULL AS confirmed, opt_in FROM customer "
					+ "WHERE customer_id = :id")
			.param("id", customerId)
			.query((rs, row) -> new Account(customerId, rs.getString("email_id"), rs.getBoolean("confirmed"),
					rs.getBoolean("opt_in")))
			.optional();
	}

	/** The customer with this normalised address, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Long> idOf(EmailAddress email) {
		return this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = :email")
			.param("email", email.value())
			.query(Long.class)
			.optional();
	}

	/** The customer's demographics as stored; empty if there is no such customer. */
	@Transactional(readOnly = true)
	public Optional<Demographics> demographics(long customerId) {
		return this.jdbc.sql(DEMOGRAPHICS).param("id", customerId).query(Customers::demographics).optional();
	}

	/**
	 * Rectifies a customer's demographics (GDPR Art. 16): the new values, where a field
	 * not given clears the stored one, and the audit entry naming the changed fields
	 * (never their values), in one transaction. Past reports keep the demographics they
	 * were taken with.
	 * @return the names of the fields that changed; empty if there is no such customer
	 */
	@Transactional
	public Optional<List<String>> rectify(long customerId, Demographics corrected, Actor actor) {
		Optional<Demographics> stored = this.jdbc.sql(DEMOGRAPHICS + " FOR UPDATE")
			.param("id", customerId)
			.query(Customers::demographics)
			.optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		List<String> changed = stored.get().differences(corrected);
		if (!changed.isEmpty()) {
			this.jdbc.sql("""
					UPDATE customer SET name = :name, age = :age, profession = :profession, career_stage = :stage,
					       purpose = :purpose
					WHERE customer_id = :id
					""")
				.param("name", corrected.name())
				.param("age", corrected.age())
				.param("profession", corrected.profession())
				.param("stage", CareerStage.codeOf(corrected.careerStage()))
				.param("purpose", PrimaryGoal.codeOf(corrected.primaryGoal()))
				.param("id", customerId)
				.update();
			this.audit.record(actor, AuditAction.RECTIFY, customerId, "changed: " + String.join(", ", changed));
		}
		return Optional.of(changed);
	}

	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		int legacy = this.jdbc.sql("DELETE FROM legacy_subscriber WHERE customer_id = :id")
			.param("id", customerId)
			.update();
		int customers = this.jdbc.sql("DELETE FROM customer WHERE customer_id = :id").param("id", customerId).update();
		return Map.of("legacy_subscriber", legacy, "customer", customers);
	}

	private static Demographics demographics(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Demographics(rs.getString("name"), rs.getObject("age", Integer.class), rs.getString("profession"),
				CareerStage.ofCode(rs.getString("career_stage")).orElse(null),
				PrimaryGoal.ofCode(rs.getString("purpose")).orElse(null));
	}

	/**
	 * A visit just recorded.
	 *
	 * @param customerId the customer's id
	 * @param age the age on record after the visit (given now, else stored), if any
	 * @param name the name on record after the visit, if any
	 * @param email the normalised address
	 * @param unconfirmed whether the address is confirmed and the visitor was not signed
	 * in as its owner: the visit changed none of the owner's details
	 */
	public record Visit(long customerId, @Nullable Integer age, @Nullable String name, String email,
			boolean unconfirmed) {

	}

	/**
	 * A customer's address.
	 *
	 * @param customerId the customer
	 * @param email the normalised address
	 * @param confirmed whether its owner ever opened a link mailed to it
	 * @param optIn whether they receive the newsletter
	 */
	public record Account(long customerId, String email, boolean confirmed, boolean optIn) {

	}

}
