package com.focusedroom.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances on one PostgreSQL behind a round-robin proxy: the customer rules hold
 * across instances because they live in the database, not in an instance's memory.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ScaleOutIT {

	private EmbeddedPostgres database;

	private final List<AppProcess> instances = new ArrayList<>();

	private RoundRobinProxy proxy;

	@BeforeAll
	void startTwoInstancesBehindAProxy() throws Exception {
		Path work = Path.of("target", "resilience");
		Path dataDirectory = work.resolve("postgres-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dataDirectory);
		this.database = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
		String url = "jdbc:postgresql://localhost:" + this.database.getPort() + "/postgres";
		// Both start at once, so both try to migrate the empty database: Flyway's lock
		// lets one migrate and the other find it done.
		CompletableFuture<AppProcess> a = CompletableFuture
			.supplyAsync(() -> start(url, work.resolve("scale-out-a.log")));
		CompletableFuture<AppProcess> b = CompletableFuture
			.supplyAsync(() -> start(url, work.resolve("scale-out-b.log")));
		this.instances.add(a.join());
		this.instances.add(b.join());
		this.proxy = RoundRobinProxy.start(this.instances);
	}

	@AfterAll
	void stopEverything() throws Exception {
		if (this.proxy != null) {
			this.proxy.close();
		}
		for (AppProcess instance : this.instances) {
			instance.terminate();
		}
		this.database.close();
	}

	@Test
	void fiftySimultaneousSubmissionsWithOneEmailAcrossTwoInstancesGiveOneCustomerAndReportsOneToFifty()
			throws Exception {
		AppProcess front = this.proxy.asApp();
		Visitors client = Visitors.start(0, "unused", () -> front);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String email = (i % 2 == 0) ? "Scale.Out@Example.com" : " scale.out@example.COM ";
			statuses.add(pool.submit(() -> {
				start.await();
				return client.submitOnce(front, email).statusCode();
			}));
		}
		start.countDown();
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(303);
		}
		pool.shutdown();
		assertThat(jdbc()
			.sql("SELECT report_id FROM big_five_result r JOIN customer c USING (customer_id) "
					+ "WHERE c.email_id = 'scale.out@example.com' ORDER BY report_id")
			.query(Integer.class)
			.list()).hasSize(50)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
		assertThat(this.proxy.forwarded[0].get()).as("requests to instance A").isGreaterThan(25);
		assertThat(this.proxy.forwarded[1].get()).as("requests to instance B").isGreaterThan(25);
	}

	@Test
	void sixteenVisitorsThroughTheProxyKeepEveryCustomerRule() throws Exception {
		AppProcess front = this.proxy.asApp();
		Visitors visitors = Visitors.start(16, "scale", () -> front);
		try {
			await("300 acknowledged submissions").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> visitors.acknowledged.size() >= 300);
		}
		finally {
			visitors.stop();
		}
		assertThat(visitors.acknowledged).hasSizeGreaterThanOrEqualTo(300);
		assertThat(visitors.otherStatuses).isEmpty();
		assertThat(jdbc().sql("SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) > 1")
			.query()
			.listOfRows()).isEmpty();
		assertThat(jdbc()
			.sql("SELECT customer_id FROM big_five_result GROUP BY customer_id "
					+ "HAVING min(report_id) <> 1 OR max(report_id) <> count(*)")
			.query()
			.listOfRows()).isEmpty();
		for (Visitors.Acknowledged ack : visitors.acknowledgedSoFar()) {
			assertThat(jdbc()
				.sql("SELECT c.email_id FROM big_five_result r JOIN customer c USING (customer_id) "
						+ "WHERE r.report_token = ?")
				.param(ack.token())
				.query(String.class)
				.single()).isEqualTo(ack.email());
		}
	}

	private static AppProcess start(String url, Path log) {
		try {
			return AppProcess.start(url, log);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.database.getPostgresDatabase());
	}

}
