package com.focusedroom.resilience;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero data loss under faults: the packaged app, as its own process, under 16 concurrent
 * visitors, is killed with SIGKILL, stopped with SIGTERM, and has its PostgreSQL
 * restarted underneath it. Every submission it acknowledged must be in the database
 * afterwards, and nothing may be half-stored.
 */
@TestInstance(Lifecycle.PER_CLASS)
class CrashRecoveryIT {

	private static final Path WORK = Path.of("target", "resilience");

	private static final int VISITORS = 16;

	private Path dataDirectory;

	private int databasePort;

	private EmbeddedPostgres database;

	@BeforeAll
	void startTheDatabase() throws IOException {
		this.dataDirectory = WORK.resolve("postgres-" + UUID.randomUUID()).toAbsolutePath();
		this.databasePort = AppProcess.freePort();
		this.database = startDatabase();
	}

	@AfterAll
	void stopDatabase() throws IOException {
		this.database.close();
	}

	@Test
	void everyAcknowledgedSubmissionSurvivesASigkillMidLoad() throws Exception {
		Path log = WORK.resolve("sigkill.log");
		AtomicReference<AppProcess> app = new AtomicReference<>(AppProcess.start(jdbcUrl(), log));
		List<Visitors.Acknowledged> acknowledged;
		Visitors visitors = Visitors.start(VISITORS, "kill", app::get);
		try {
			await(() -> visitors.acknowledged.size() >= 150, "150 acknowledged submissions");
			app.get().kill();
			int beforeRestart = visitors.acknowledged.size();
			app.set(AppProcess.start(jdbcUrl(), log));
			await(() -> visitors.acknowledged.size() >= beforeRestart + 100, "100 more after the restart");
			visitors.stop();
			acknowledged = visitors.acknowledgedSoFar();
			assertThat(visitors.connectionFailures).as("the kill was felt by the visitors").hasPositiveValue();
			assertThat(visitors.otherStatuses).as("no error answers").isEmpty();
		}
		finally {
			visitors.stop();
			app.get().terminate();
		}
		assertAllStored("SIGKILL", acknowledged);
		assertNoPersonalDataIn(log);
	}

	@Test
	void aGracefulShutdownMidLoadFinishesInFlightRequests() throws Exception {
		Path log = WORK.resolve("sigterm.log");
		AppProcess app = AppProcess.start(jdbcUrl(), log);
		List<Visitors.Acknowledged> acknowledged;
		Visitors visitors = Visitors.start(VISITORS, "term", () -> app);
		try {
			await(() -> visitors.acknowledged.size() >= 150, "150 acknowledged submissions");
			int exitCode = app.terminate();
			assertThat(exitCode).as("exit code after SIGTERM").isIn(0, 143);
			visitors.stop();
			acknowledged = visitors.acknowledgedSoFar();
			assertThat(visitors.otherStatuses).as("no error answers while shutting down").isEmpty();
		}
		finally {
			visitors.stop();
		}
		assertAllStored("SIGTERM", acknowledged);
		assertThat(Files.readString(log)).contains("Commencing graceful shutdown", "Graceful shutdown complete");
	}

	@Test
	void whileThePostgresqlServerRestartsTheAppAnswers503AndRecoversByItself() throws Exception {
		Path log = WORK.resolve("database-restart.log");
		AppProcess app = AppProcess.start(jdbcUrl(), log);
		List<Visitors.Acknowledged> acknowledged;
		Visitors visitors = Visitors.start(4, "dbrestart", () -> app);
		try {
			await(() -> visitors.acknowledged.size() >= 40, "40 acknowledged submissions");
			this.database.close();

			HttpResponse<String> whileAway = visitors.submitOnce(app, "while-away@example.com");
			assertThat(whileAway.statusCode()).isEqualTo(503);
			assertThat(whileAway.headers().firstValue("Retry-After")).isPresent();
			assertThat(whileAway.body()).contains("briefly unavailable", "Nothing you sent was stored")
				.doesNotContain("Exception", "at com.");
			assertThat(health(app)).isEqualTo(503);

			this.database = startDatabase();
			int beforeRecovery = visitors.acknowledged.size();
			await(() -> visitors.acknowledged.size() >= beforeRecovery + 40, "40 more after the database is back");
			assertThat(health(app)).isEqualTo(200);
			visitors.stop();
			acknowledged = visitors.acknowledgedSoFar();
			assertThat(visitors.otherStatuses).as("only 503 while the database was away").containsOnly(503);
		}
		finally {
			visitors.stop();
			app.terminate();
		}
		assertAllStored("database restart", acknowledged);
		assertThat(jdbc().sql("SELECT count(*) FROM customer WHERE email_id = 'while-away@example.com'")
			.query(Long.class)
			.single()).isZero();
		assertNoPersonalDataIn(log);
	}

	/**
	 * A database that stops answering without closing its connections (every PostgreSQL
	 * process stopped with SIGSTOP, as a hung host or a network partition looks):
	 * requests must not hang with it. The JDBC socket and connect timeouts turn it into
	 * 503s, readiness says DOWN, and once the server resumes the app serves again by
	 * itself.
	 */
	@Test
	void whileThePostgresqlServerIsFrozenRequestsGet503InsteadOfHangingAndTheAppRecovers() throws Exception {
		Path log = WORK.resolve("database-frozen.log");
		AppProcess app = AppProcess.start(jdbcUrl(), log);
		List<Visitors.Acknowledged> acknowledged;
		Visitors visitors = Visitors.start(4, "dbfrozen", () -> app);
		List<Long> frozen = List.of();
		try {
			await(() -> visitors.acknowledged.size() >= 40, "40 acknowledged submissions");
			frozen = signalDatabase("STOP");

			HttpResponse<String> whileFrozen = visitors.submitOnce(app, "while-frozen@example.com");
			assertThat(whileFrozen.statusCode()).as("a submission while the database is frozen").isEqualTo(503);
			assertThat(whileFrozen.body()).doesNotContain("Exception", "at com.");
			assertThat(status(app, "/actuator/health/readiness")).as("readiness while frozen").isEqualTo(503);

			signalDatabase("CONT");
			frozen = List.of();
			int beforeRecovery = visitors.acknowledged.size();
			await(() -> visitors.acknowledged.size() >= beforeRecovery + 40, "40 more after the database resumes");
			await(() -> status(app, "/actuator/health/readiness") == 200, "readiness UP again");
			visitors.stop();
			acknowledged = visitors.acknowledgedSoFar();
			assertThat(visitors.otherStatuses).as("nothing but 503 while the database was frozen").isSubsetOf(503);
		}
		finally {
			if (!frozen.isEmpty()) {
				signalDatabase("CONT");
			}
			visitors.stop();
			app.terminate();
		}
		assertAllStored("database frozen", acknowledged);
		assertThat(jdbc().sql("SELECT count(*) FROM customer WHERE email_id = 'while-frozen@example.com'")
			.query(Long.class)
			.single()).isZero();
		assertNoPersonalDataIn(log);
	}

	/** Sends a signal to the database server and all its processes; their pids. */
	private List<Long> signalDatabase(String signal) throws IOException, InterruptedException {
		long postmaster = Long
			.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).strip());
		List<Long> pids = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(postmaster),
					ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
			.toList();
		for (long pid : pids) {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
		}
		return pids;
	}

	private static int status(AppProcess app, String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private void assertAllStored(String fault, List<Visitors.Acknowledged> acknowledged) {
		Map<String, String> stored = jdbc()
			.sql("SELECT r.report_token, c.email_id FROM big_five_result r JOIN customer c USING (customer_id)")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(acknowledged).isNotEmpty()
			.allSatisfy((ack) -> assertThat(stored.get(ack.token())).as("stored owner of " + ack.reportUrl())
				.isEqualTo(ack.email()));
		assertThat(jdbc()
			.sql("SELECT count(*) FROM customer c WHERE NOT EXISTS "
					+ "(SELECT 1 FROM big_five_result r WHERE r.customer_id = c.customer_id)")
			.query(Long.class)
			.single()).as("customers stored without their test").isZero();
		assertThat(jdbc()
			.sql("SELECT customer_id FROM big_five_result GROUP BY customer_id "
					+ "HAVING min(report_id) <> 1 OR max(report_id) <> count(*)")
			.query()
			.listOfRows()).as("customers whose report_ids are not 1..n").isEmpty();
		assertThat(jdbc().sql("SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) > 1")
			.query()
			.listOfRows()).isEmpty();
		System.out.printf("%s: %d acknowledged submissions checked, all stored%n", fault, acknowledged.size());
	}

	private static void assertNoPersonalDataIn(Path log) throws IOException {
		assertThat(Files.readString(log).toLowerCase()).as("emails in the app's log").doesNotContain("@example.com");
	}

	private static int health(AppProcess app) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(app.uri("/actuator/health")).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private EmbeddedPostgres startDatabase() throws IOException {
		Files.createDirectories(this.dataDirectory);
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(this.databasePort)
			.start();
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.databasePort + "/postgres";
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.database.getPostgresDatabase());
	}

	private static void await(BooleanSupplier condition, String what) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(condition::getAsBoolean);
	}

}
