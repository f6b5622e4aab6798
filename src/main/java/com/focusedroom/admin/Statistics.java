package com.focusedroom.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's numbers, read in one consistent snapshot.
 */
@Service
class Statistics {

	static final int WEEKS = 12;

	private static final String[] TRAITS = { "O", "C", "E", "A", "N" };

	private static final String[] TRAIT_NAMES = { "Openness", "Conscientiousness", "Extraversion", "Agreeableness",
			"Neuroticism" };

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final JdbcClient jdbc;

	Statistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Dashboard dashboard() {
		Totals totals = this.jdbc.sql("""
				SELECT (SELECT count(*) FROM customer) AS customers,
				       (SELECT count(*) FROM customer WHERE opt_in) AS opted_in,
				       (SELECT count(*) FROM big_five_result) AS tests,
				       -- report numbers are exactly 1..n, so a report 2 means a returning customer
				       (SELECT count(*) FROM big_five_result WHERE report_id = 2) AS returning
				""")
			.query((rs, row) -> new Totals(rs.getLong("customers"), rs.getLong("opted_in"), rs.getLong("tests"),
					rs.getLong("returning")))
			.single();
		return new Dashboard(totals, weekly(), distribution("career_stage"), distribution("purpose"), traits());
	}

	private Charts.ColumnChart weekly() {
		List<String> channels = this.jdbc.sql("SELECT channel_name FROM channel_details ORDER BY channel_id")
			.query(String.class)
			.list();
		List<Integer> channelIds = this.jdbc.sql("SELECT channel_id FROM channel_details ORDER BY channel_id")
			.query(Integer.class)
			.list();
		LocalDate thisWeek = this.jdbc.sql("SELECT date_trunc('week', now())::date").query(LocalDate.class).single();
		LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
		long[][] counts = new long[WEEKS][channels.size()];
		this.jdbc.sql("""
				SELECT date_trunc('week', create_dt)::date AS week, channel_id, count(*) AS customers
				FROM customer WHERE create_dt >= :first
				GROUP BY 1, 2
				""").param("first", first.atStartOfDay().atOffset(java.time.ZoneOffset.UTC)).query((rs) -> {
			int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(first, rs.getObject("week", LocalDate.class));
			int channel = channelIds.indexOf(rs.getInt("channel_id"));
			if (week >= 0 && week < WEEKS && channel >= 0) {
				counts[week][channel] += rs.getLong("customers");
			}
		});
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			labels.add(WEEK.format(first.plusWeeks(i)));
		}
		return Charts.columns(labels, channels, counts);
	}

	private Charts.BarChart distribution(String column) {
		List<Charts.Count> counts = this.jdbc
			.sql("SELECT " + column + " AS code, count(*) AS customers FROM customer GROUP BY 1 ORDER BY 2 DESC, 1")
			.query((rs, row) -> new Charts.Count(label(column, rs.getString("code")), rs.getLong("customers")))
			.list();
		return Charts.bars(counts, null);
	}

	private static String label(String column, String code) {
		if (code == null) {
			return "Not given";
		}
		return "career_stage".equals(column) ? CustomerDirectory.stageLabel(code) : CustomerDirectory.goalLabel(code);
	}

	// Each customer's latest report counts once; legacy reports without numeric scores
	// are
	// left out.
	private Charts.BarChart traits() {
		StringBuilder sql = new StringBuilder("SELECT count(*) AS reports");
		for (String trait : TRAITS) {
			sql.append(", avg(CASE WHEN jsonb_typeof(scores->'")
				.append(trait)
				.append("') = 'number' THEN (scores->>'")
				.append(trait)
				.append("')::numeric END) AS ")
				.append(trait.toLowerCase(Locale.ROOT));
		}
		sql.append(" FROM big_five_result r JOIN (SELECT customer_id, max(report_id) AS report_id")
			.append(" FROM big_five_result GROUP BY customer_id) AS latest USING (customer_id, report_id)");
		return this.jdbc.sql(sql.toString()).query((rs, row) -> {
			List<Charts.Count> averages = new ArrayList<>();
			for (int i = 0; i < TRAITS.length; i++) {
				java.math.BigDecimal average = rs.getBigDecimal(TRAITS[i].toLowerCase(Locale.ROOT));
				averages.add(new Charts.Count(TRAIT_NAMES[i], (average != null) ? average.doubleValue() : 0));
			}
			return Charts.bars(averages, 100.0);
		}).single();
	}

	record Totals(long customers, long optedIn, long tests, long returningCustomers) {

		/** Percentage of customers who opted in, one decimal. */
		public String optInRate() {
			return (this.customers == 0) ? "–"
					: String.format(Locale.ROOT, "%.1f %%", 100.0 * this.optedIn / this.customers);
		}

	}

	record Dashboard(Totals totals, Charts.ColumnChart newCustomersPerWeek, Charts.BarChart careerStages,
			Charts.BarChart goals, Charts.BarChart averageTraits) {

	}

}
