package com.focusedroom.customer;

import java.sql.Types;

import com.focusedroom.channel.Channel;
import com.focusedroom.consent.NewsletterGrant;

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
	// opt_in is never written here: a ticked box adds a grant to consent_event in the
	// same
	// statement, and that table's trigger derives opt_in. A grant is not recorded for a
	// customer whose known age (given now, else stored) is below the minimum.
	private static final String RECORD_VISIT = """
			WITH visit AS (
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
			), granted AS (
			    INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
			    SELECT customer_id, 'newsletter', 'grant', :channel, :consentSource, :consentText
			    FROM visit
			    WHERE CAST(:consentText AS smallint) IS NOT NULL AND (age IS NULL OR age >= :minimumAge)
			)
			SELECT customer_id FROM visit
			""";

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that a person came through a channel: creates the customer for a new email
	 * (that channel becomes its first channel, kept forever), or updates the given
	 * demographics of a known one. A grant (a ticked box) is added to the customer's
	 * consent history, from which {@code opt_in} follows; no grant (an unticked box)
	 * never withdraws an earlier consent. The customer row stays locked until the
	 * surrounding transaction ends.
	 * @param grant the newsletter consent given with this visit, or {@code null}
	 * @return the customer's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordVisit(EmailAddress email, Demographics demographics, Channel channel, NewsletterGrant grant) {
		return this.jdbc.sql(RECORD_VISIT)
			.param("email", email.value())
			.param("name", demographics.name())
			.param("age", demographics.age())
			.param("profession", demographics.profession())
			.param("careerStage", (demographics.careerStage() != null) ? demographics.careerStage().code() : null)
			.param("purpose", (demographics.primaryGoal() != null) ? demographics.primaryGoal().code() : null)
			.param("channel", channel.id())
			.param("consentSource", (grant != null) ? grant.source().code() : null, Types.VARCHAR)
			.param("consentText", (grant != null) ? grant.consentTextId() : null, Types.SMALLINT)
			.param("minimumAge", (grant != null) ? grant.minimumAge() : 0)
			.query(Long.class)
			.single();
	}

}
