package com.focusedroom.integrity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the database state and checks the invariants the contract promises.
 */
@Service
public class IntegrityCheck {

	private static final String COUNTS = """
			SELECT (SELECT count(*) FROM customer) AS total_customers,
			       (SELECT count(DISTINCT email_id) FROM customer) AS unique_emails,
			       (SELECT count(*) FROM (SELECT customer_id FROM big_five_result
			                              GROUP BY customer_id HAVING count(*) > 1) AS returning_customers) AS multiple,
			       (SELECT count(*) FROM big_five_result) AS total_tests
			""";

	// The seed's duplicate-email query, naming the customers instead of the addresses.
	private static final String DUPLICATE_EMAILS = """
			SELECT customer_id FROM customer
			WHERE email_id IN (SELECT email_id FROM customer GROUP BY email_id HAVING count(*) > 1)
			ORDER BY customer_id
			""";

	// 1..n exactly: starts at 1, ends at the count, and no number twice.
	private static final String BROKEN_NUMBERING = """
			SELECT customer_id FROM big_five_result
			GROUP BY customer_id
			HAVING min(report_id) <> 1 OR max(report_id) <> count(*) OR count(DISTINCT report_id) <> count(*)
			ORDER BY customer_id
			""";

	/**
	 * The checks the admin area lists with their offending rows: the seed query as
	 * written, the report numbering, and opt-in derived from the consent history.
	 */
	private static final Map<String, String> CHECKS = checks();

	/** Offending rows listed per check; more are counted, not listed. */
	public static final int MAX_ROWS = 100;

	private final JdbcClient jdbc;

	IntegrityCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One consistent snapshot of the counts and checks. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public DatabaseState run() {
		Counts counts = counts();
		return new DatabaseState(counts.customers(), counts.uniqueEmails(), counts.customersWithMultipleTests(),
				counts.tests(), ids(DUPLICATE_EMAILS), ids(BROKEN_NUMBERING));
	}

	/**
	 * The state block's counts alone, without the checks: what the admin dashboard shows,
	 * so that it and {@code verify} can never disagree.
	 */
	@Transactional(readOnly = true)
	public Counts counts() {
		return this.jdbc.sql(COUNTS)
			.query((rs, row) -> new Counts(rs.getLong("total_customers"), rs.getLong("unique_emails"),
					rs.getLong("multiple"), rs.getLong("total_tests")))
			.single();
	}

	/**
	 * The database's counts.
	 *
	 * @param customers rows in {@code customer}
	 * @param uniqueEmails distinct {@code email_id} values
	 * @param customersWithMultipleTests customers with more than one report
	 * @param tests rows in {@code big_five_result}
	 */
	public record Counts(long customers, long uniqueEmails, long customersWithMultipleTests, long tests) {

	}

	/** Every check with the rows that break it, in one consistent snapshot. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		CHECKS.forEach((name, sql) -> {
			List<String> columns = new ArrayList<>();
			List<List<String>> rows = this.jdbc.sql(sql + "\nLIMIT " + MAX_ROWS).query((rs, row) -> {
				if (columns.isEmpty()) {
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						columns.add(rs.getMetaData().getColumnLabel(i));
					}
				}
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.add(rs.getString(i));
				}
				return values;
			}).list();
			findings.add(new Finding(name, sql, columns, rows));
		});
		return findings;
	}

	private static Map<String, String> checks() {
		Map<String, String> checks = new LinkedHashMap<>();
		checks.put("One customer per email (the seed query)",
				"SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) > 1");
		checks.put("Report numbers are 1..n per customer", """
				SELECT customer_id, string_agg(report_id::text, ', ' ORDER BY report_id) AS report_ids
				FROM big_five_result
				GROUP BY customer_id
				HAVING min(report_id) <> 1 OR max(report_id) <> count(*) OR count(DISTINCT report_id) <> count(*)
				ORDER BY customer_id""");
		checks.put("Opt-in matches the latest newsletter consent", """
				SELECT c.customer_id, c.opt_in, latest.action AS latest_consent
				FROM customer c
				LEFT JOIN LATERAL (SELECT e.action FROM consent_event e
				                   WHERE e.customer_id = c.customer_id AND e.purpose = 'newsletter'
				                   ORDER BY e.consent_event_id DESC LIMIT 1) AS latest ON true
				WHERE c.opt_in <> coalesce(latest.action = 'grant', false)
				ORDER BY c.customer_id""");
		return Collections.unmodifiableMap(checks);
	}

	private java.util.List<Long> ids(String sql) {
		return this.jdbc.sql(sql).query(Long.class).list();
	}

}
