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
	private static final String RECORD_VISIT = """
			INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id)
			VALUES (:email, :name, :age, :profession, :careerStage, :purpose, :channel)
			ON CONFLICT (email_id) DO UPDATE SET
			    name = coalesce(EXCLUDED.name, c.name),
			    age = coalesce(EXCLUDED.age, c.age),
			    profession = coalesce(EXCLUDED.profession, c.profession),
			    career_stage = coalesce(EXCLUDED.career_stage, c.career_stage),
			    purpose = coalesce(EXCLUDED.purpose, c.purpose),
			    updated_at = now()
			RETURNING customer_id, age
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
		return this.jdbc.sql(RECORD_VISIT)
			.param("email", email.value())
			.param("name", demographics.name())
			.param("age", demographics.age())
			.param("profession", demographics.profession())
			.param("careerStage", CareerStage.codeOf(demographics.careerStage()))
			.param("purpose", PrimaryGoal.codeOf(demographics.primaryGoal()))
			.param("channel", channel.id())
			.query((rs, row) -> new Visit(rs.getLong("customer_id"), rs.getObject("age", Integer.class)))
			.single();
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
	 */
	public record Visit(long customerId, @Nullable Integer age) {

	}

}
