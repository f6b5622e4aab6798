package com.focusedroom.customer;

import com.focusedroom.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer records: one per normalised email, ever.
 */
@Service
public class Customers {

	// One statement finds or creates the customer, so two visits with the same new email
	// can never both insert: the second waits on the unique key, then takes the update
	// branch. The update always writes the row, which locks it until the caller's
	// transaction ends: that lock is what serialises report numbering for the customer.
	private static final String RECORD_VISIT = """
			INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id, opt_in)
			VALUES (:email, :name, :age, :profession, :careerStage, :purpose, :channel, :optIn)
			ON CONFLICT (email_id) DO UPDATE SET
			    name = coalesce(EXCLUDED.name, c.name),
			    age = coalesce(EXCLUDED.age, c.age),
			    profession = coalesce(EXCLUDED.profession, c.profession),
			    career_stage = coalesce(EXCLUDED.career_stage, c.career_stage),
			    purpose = coalesce(EXCLUDED.purpose, c.purpose),
			    opt_in = c.opt_in OR EXCLUDED.opt_in,
			    updated_at = now()
			RETURNING customer_id
			""";

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that a person came through a channel: creates the customer for a new email
	 * (that channel becomes its first channel, kept forever), or updates the given
	 * demographics of a known one. A ticked opt-in grants consent; an unticked one never
	 * withdraws an earlier consent. The customer row stays locked until the surrounding
	 * transaction ends.
	 * @return the customer's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordVisit(EmailAddress email, Demographics demographics, Channel channel, boolean optIn) {
		return this.jdbc.sql(RECORD_VISIT)
			.param("email", email.value())
			.param("name", demographics.name())
			.param("age", demographics.age())
			.param("profession", demographics.profession())
			.param("careerStage", (demographics.careerStage() != null) ? demographics.careerStage().code() : null)
			.param("purpose", (demographics.primaryGoal() != null) ? demographics.primaryGoal().code() : null)
			.param("channel", channel.id())
			.param("optIn", optIn)
			.query(Long.class)
			.single();
	}

}
