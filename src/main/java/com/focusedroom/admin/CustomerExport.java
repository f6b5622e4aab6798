package com.focusedroom.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams customers as CSV straight from a database cursor to the response: rows are
 * fetched 500 at a time inside one read-only transaction, so 100,000 customers never sit
 * in memory at once.
 */
@Service
class CustomerExport {

	static final List<String> HEADER = List.of("customer_id", "email", "name", "age", "profession", "career_stage",
			"primary_goal", "channel", "created_at", "opt_in", "tests");

	private static final int FETCH_SIZE = 500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	CustomerExport(DataSource dataSource, PlatformTransactionManager transactions) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** Writes every customer the filter selects, in customer_id order, as UTF-8 CSV. */
	void write(CustomerFilter filter, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		writer.write(String.join(",", HEADER) + "\r\n");
		String sql = "SELECT c.customer_id, c.email_id, c.name, c.age, c.profession, c.career_stage, c.purpose, "
				+ "ch.channel_name, c.create_dt, c.opt_in, "
				+ "(SELECT count(*) FROM big_five_result r WHERE r.customer_id = c.customer_id) AS tests "
				+ "FROM customer c JOIN channel_details ch ON ch.channel_id = c.channel_id " + filter.where()
				+ "ORDER BY c.customer_id";
		try {
			this.readOnly.executeWithoutResult((status) -> this.jdbc.query(sql, filter.parameters(),
					(RowCallbackHandler) (rs) -> write(writer,
							Arrays.asList(rs.getLong("customer_id"), rs.getString("email_id"), rs.getString("name"),
									rs.getObject("age", Integer.class), rs.getString("profession"),
									rs.getString("career_stage"), rs.getString("purpose"), rs.getString("channel_name"),
									TIME.format(rs.getObject("create_dt", OffsetDateTime.class)
										.withOffsetSameInstant(ZoneOffset.UTC)),
									rs.getBoolean("opt_in"), rs.getLong("tests")))));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
	}

	private static void write(Writer writer, List<?> cells) {
		try {
			writer.write(CsvLine.of(cells));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
