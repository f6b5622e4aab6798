package com.focusedroom.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the embedded PostgreSQL dies (killed, crashed), readiness says DOWN while it is
 * away, liveness stays UP, the server is restarted on its data, and the app serves again
 * by itself.
 */
// Durable: the tests' default (no fsync, asynchronous commit) may lose the last commits
// to a SIGKILL.
@SpringBootTest(
		properties = { "focusedroom.embedded-database.clean-start=false", "focusedroom.embedded-database.durable=true",
				"focusedroom.embedded-database.data-directory=" + DatabaseAwayTests.DATA })
@AutoConfigureMockMvc
@DirtiesContext
class DatabaseAwayTests {

	static final String DATA = "target/database-away-test/postgres";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EmbeddedDatabase database;

	@AfterAll
	static void removeData() throws Exception {
		Path root = Path.of(DATA).getParent();
		if (Files.exists(root)) {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void aKilledServerIsRestartedAndReadinessTellsTheTruthMeanwhile() throws Exception {
		this.jdbc.sql("INSERT INTO channel_details (channel_id, channel_name) VALUES (99, 'Kept across the crash')")
			.update();
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk();

		long pid = Long.parseLong(Files.readAllLines(Path.of(DATA, "postmaster.pid")).get(0).trim());
		new ProcessBuilder(List.of("kill", "-9", Long.toString(pid))).start().waitFor();

		await("readiness DOWN while the database is away").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.mvc.get().uri("/actuator/health/readiness").exchange().getResponse().getStatus() == 503);
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk();

		await("the server restarted and the app serving again").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> this.mvc.get().uri("/actuator/health/readiness").exchange().getResponse().getStatus() == 200);
		assertThat(this.jdbc.sql("SELECT channel_name FROM channel_details WHERE channel_id = 99")
			.query(String.class)
			.single()).isEqualTo("Kept across the crash");
		this.jdbc.sql("DELETE FROM channel_details WHERE channel_id = 99").update();
	}

}
