package com.focusedroom.admin;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers, reports, touches and consent written straight to the database, so admin
 * tests do not depend on the public forms.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A unique address for one test, lower-case as stored. */
	public static String email(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	public static long customer(JdbcClient jdbc, String email, String name, String profession, String careerStage,
			int channel, boolean optIn) {
		long id = jdbc.sql("""
				INSERT INTO customer (email_id, name, age, profession, career_stage, purpose, channel_id)
				VALUES (:email, :name, 30, :profession, :stage, 'focus', :channel) RETURNING customer_id
				""")
			.param("email", email)
			.param("name", name)
			.param("profession", profession)
			.param("stage", careerStage)
			.param("channel", channel)
			.query(Long.class)
			.single();
		if (optIn) {
			jdbc.sql("""
					INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
					VALUES (:id, 'newsletter', 'grant', :channel, 'my_reports',
					        (SELECT min(consent_text_id) FROM consent_text WHERE purpose = 'newsletter'))
					""").param("id", id).param("channel", channel).update();
		}
		return id;
	}

	/**
	 * The customer's next report with the given trait scores, and its touch; its token.
	 */
	public static String report(JdbcClient jdbc, long customerId, int o, int c, int e, int a, int n) {
		String scores = "{\"O\":%d,\"C\":%d,\"E\":%d,\"A\":%d,\"N\":%d,\"domains\":{}}".formatted(o, c, e, a, n);
		var added = jdbc
			.sql("""
					INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id, profession)
					SELECT :id, coalesce(max(report_id), 0) + 1, CAST(:scores AS jsonb), 'Focus on one thing.', 1, 'Engineer'
					FROM big_five_result WHERE customer_id = :id
					RETURNING id, report_token
					""")
			.param("id", customerId)
			.param("scores", scores)
			.query()
			.singleRow();
		jdbc.sql("INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, utm_source) "
				+ "VALUES (:id, 1, 'test', :result, 'newsletter')")
			.param("id", customerId)
			.param("result", added.get("id"))
			.update();
		return (String) added.get("report_token");
	}

	public static long count(JdbcClient jdbc, String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (Object param : params) {
			spec = spec.param(param);
		}
		return spec.query(Long.class).single();
	}

}
