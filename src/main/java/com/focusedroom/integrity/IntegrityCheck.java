package com.focusedroom.integrity;

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

	private final JdbcClient jdbc;

	IntegrityCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One consistent snapshot of the counts and checks. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public DatabaseState run() {
		return this.jdbc.sql(COUNTS)
			.query((rs, row) -> new DatabaseState(rs.getLong("total_customers"), rs.getLong("unique_emails"),
					rs.getLong("multiple"), rs.getLong("total_tests"), ids(DUPLICATE_EMAILS), ids(BROKEN_NUMBERING)))
			.single();
	}

	private java.util.List<Long> ids(String sql) {
		return this.jdbc.sql(sql).query(Long.class).list();
	}

}
