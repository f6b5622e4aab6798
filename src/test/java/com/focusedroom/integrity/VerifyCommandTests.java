package com.focusedroom.integrity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.focusedroom.FocusedRoomApplication;
import com.focusedroom.system.EmbeddedDatabaseProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar focusedroom.jar verify} against the test's embedded PostgreSQL.
 */
@SpringBootTest
class VerifyCommandTests {

	@Autowired
	private HikariDataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddedDatabaseProperties embeddedDatabase;

	@Test
	void aHealthyDatabasePrintsTheStateBlockAndExitsZero() {
		long customer = newCustomer("verify-ok@example.com");
		addReport(customer, 1);
		addReport(customer, 2);
		Run run = verify("--spring.datasource.url=" + this.dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + this.dataSource.getUsername(),
				"--spring.datasource.password=" + this.dataSource.getPassword());
		assertThat(run.exitCode).isZero();
		long customers = this.jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
		long tests = this.jdbc.sql("SELECT count(*) FROM big_five_result").query(Long.class).single();
		long returning = this.jdbc
			.sql("SELECT count(*) FROM (SELECT customer_id FROM big_five_result GROUP BY customer_id"
					+ " HAVING count(*) > 1) AS r")
			.query(Long.class)
			.single();
		assertThat(returning).as("this test's customer has two tests").isPositive();
		assertThat(run.out)
			.startsWith("Total Customers: " + customers + "\nUnique Emails: " + customers
					+ "\nCustomers with Multiple Tests: " + returning + "\n")
			.contains("Total Tests: " + tests + "\n")
			.endsWith("Report ID Tracking: OK\n");
	}

	@Test
	void aGapInReportNumbersNamesTheCustomerAndExitsOne() {
		long customer = newCustomer("verify-gap@example.com");
		addReport(customer, 1);
		addReport(customer, 3);
		try {
			Run run = verify("--spring.datasource.url=" + this.dataSource.getJdbcUrl(),
					"--spring.datasource.username=" + this.dataSource.getUsername(),
					"--spring.datasource.password=" + this.dataSource.getPassword());
			assertThat(run.exitCode).isEqualTo(1);
			assertThat(run.out).contains("Report ID Tracking: FAILED for customer_id " + customer);
		}
		finally {
			this.jdbc.sql("DELETE FROM big_five_result WHERE customer_id = ?").param(customer).update();
		}
	}

	@Test
	void anUnreachableDatabaseExitsTwo() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Run run = verify("--spring.datasource.url=jdbc:postgresql://localhost:" + closedPort + "/postgres");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.out).isEmpty();
		assertThat(run.err).contains("Cannot connect to the database");
	}

	@Test
	void withNoDatabaseUrlItAttachesToTheEmbeddedServerAlreadyRunningOnTheDataDirectory() {
		Run run = verify("--focusedroom.embedded-database.clean-start=false",
				"--focusedroom.embedded-database.data-directory=" + this.embeddedDatabase.dataDirectory());
		assertThat(run.err).isEmpty();
		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("Report ID Tracking: OK");
	}

	private long newCustomer(String email) {
		return this.jdbc.sql("INSERT INTO customer (email_id, channel_id) VALUES (?, 1) RETURNING customer_id")
			.param(email)
			.query(Long.class)
			.single();
	}

	private void addReport(long customer, int reportId) {
		this.jdbc
			.sql("INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id)"
					+ " VALUES (?, ?, '{}', '', 1)")
			.params(customer, reportId)
			.update();
	}

	private static Run verify(String... settings) {
		String[] args = new String[settings.length + 1];
		args[0] = VerifyCommand.NAME;
		System.arraycopy(settings, 0, args, 1, settings.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = VerifyCommand.run(FocusedRoomApplication.class, args,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {

	}

}
