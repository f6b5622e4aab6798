package com.focusedroom.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.focusedroom.channel.Channel;
import com.focusedroom.integrity.IntegrityCheck;
import com.focusedroom.scoring.Domain;

import org.jspecify.annotations.Nullable;

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

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	// A report not flagged: checked and not likely invalid, or never checked.
	private static final String NOT_FLAGGED = "coalesce((r.validity->>'likelyInvalid')::boolean, false) = false";

	private final JdbcClient jdbc;

	private final IntegrityCheck integrity;

	Statistics(JdbcClient jdbc, IntegrityCheck integrity) {
		this.jdbc = jdbc;
		this.integrity = integrity;
	}

	/**
	 * The dashboard, one consistent snapshot. Customers, tests and returning customers
	 * are the integrity check's own counts (the figures {@code verify} prints), so the
	 * two can never disagree.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Dashboard dashboard(boolean includeFlagged) {
		IntegrityCheck.Counts counts = this.integrity.counts();
		long optedIn = this.jdbc.sql("SELECT count(*) FROM customer WHERE opt_in").query(Long.class).single();
		Totals totals = new Totals(counts.customers(), optedIn, counts.tests(), counts.customersWithMultipleTests());
		return new Dashboard(totals, weekly(), distribution("career_stage"), distribution("purpose"),
				traits(includeFlagged), includeFlagged, flaggedLatestReports());
	}

	private Charts.ColumnChart weekly() {
		List<String> channels = Arrays.stream(Channel.values()).map(Channel::displayName).toList();
		List<Integer> channelIds = Arrays.stream(Channel.values()).map(Channel::id).toList();
		LocalDate thisWeek = this.jdbc.sql("SELECT date_trunc('week', now())::date").query(LocalDate.class).single();
		LocalDate first = thisWeek.minusWeeks(WEEKS - 1);
		long[][] counts = new long[WEEKS][channels.size()];
		this.jdbc.sql("""
				SELECT date_trunc('week', create_dt)::date AS week, channel_id, count(*) AS customers
				FROM customer WHERE create_dt >= :first
				GROUP BY 1, 2
				""").param("first", first.atStartOfDay().atOffset(ZoneOffset.UTC)).query((rs) -> {
			int week = (int) ChronoUnit.WEEKS.between(first, rs.getObject("week", LocalDate.class));
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

	private static @Nullable String label(String column, @Nullable String code) {
		if (code == null) {
			return "Not given";
		}
		return "career_stage".equals(column) ? CustomerDirectory.stageLabel(code) : CustomerDirectory.goalLabel(code);
	}

	// Each customer's latest report counts once; legacy reports without numeric scores
	// are left out, and so, unless asked otherwise, are reports whose answers look
	// careless
	// or invalid (big_five_result.validity, issue 11): they describe a way of answering,
	// not a person. Reports never checked (legacy, without answers) count.
	private Charts.BarChart traits(boolean includeFlagged) {
		StringBuilder sql = new StringBuilder("SELECT count(*) AS reports");
		for (Domain domain : Domain.values()) {
			String code = domain.code();
			sql.append(", avg(CASE WHEN jsonb_typeof(scores->'")
				.append(code)
				.append("') = 'number' THEN (scores->>'")
				.append(code)
				.append("')::numeric END) AS ")
				.append(code.toLowerCase(Locale.ROOT));
		}
		sql.append(" FROM big_five_result r JOIN (SELECT customer_id, max(report_id) AS report_id")
			.append(" FROM big_five_result GROUP BY customer_id) AS latest USING (customer_id, report_id)");
		if (!includeFlagged) {
			sql.append(" WHERE ").append(NOT_FLAGGED);
		}
		return this.jdbc.sql(sql.toString()).query((rs, row) -> {
			List<Charts.Count> averages = new ArrayList<>();
			for (Domain domain : Domain.values()) {
				BigDecimal average = rs.getBigDecimal(domain.code().toLowerCase(Locale.ROOT));
				averages.add(new Charts.Count(domain.displayName(), (average != null) ? average.doubleValue() : 0));
			}
			return Charts.bars(averages, 100.0);
		}).single();
	}

	/**
	 * How many customers' latest reports are flagged as careless or invalid answering.
	 */
	private long flaggedLatestReports() {
		return this.jdbc
			.sql("SELECT count(*) FROM big_five_result r JOIN (SELECT customer_id, max(report_id) AS"
					+ " report_id FROM big_five_result GROUP BY customer_id) AS latest USING (customer_id, report_id)"
					+ " WHERE NOT (" + NOT_FLAGGED + ")")
			.query(Long.class)
			.single();
	}

	record Totals(long customers, long optedIn, long tests, long returningCustomers) {

		/** Percentage of customers who opted in, one decimal. */
		public String optInRate() {
			return (this.customers == 0) ? "–"
					: String.format(Locale.ROOT, "%.1f %%", 100.0 * this.optedIn / this.customers);
		}

	}

	/**
	 * The dashboard.
	 *
	 * @param flaggedIncluded whether the average trait profile includes reports flagged
	 * as careless or invalid answering
	 * @param flaggedLatestReports how many customers' latest reports are flagged (left
	 * out of the averages unless included)
	 */
	record Dashboard(Totals totals, Charts.ColumnChart newCustomersPerWeek, Charts.BarChart careerStages,
			Charts.BarChart goals, Charts.BarChart averageTraits, boolean flaggedIncluded, long flaggedLatestReports) {

	}

}
