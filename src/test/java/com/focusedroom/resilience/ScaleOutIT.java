package com.focusedroom.resilience;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** The password of this bcrypt hash is {@code test-admin-password}. */
	private static final String ADMIN_HASH = "{bcrypt}$2a$10$SMvtJHuwnG0jpKW2r/aWSuTsMOzCAvdi2JPWjqr/6IOR2D13x7WO6";

	/**
	 * The retention job's cron on the shared instances, every {@value #TICK_SECONDS} s.
	 */
	private static final int TICK_SECONDS = 4;

	private static final String[] SHARED = { "--focusedroom.admin.users[0].username=scale-admin",
			"--focusedroom.admin.users[0].password-hash=" + ADMIN_HASH,
			"--focusedroom.gdpr.email-hash-key=scale-out-email-hash-key-of-at-least-32-characters",
			// Erases nobody these tests create (they all visited just now), but runs and
			// logs.
			"--focusedroom.gdpr.retention.unconsented-after=3650d",
			"--focusedroom.gdpr.retention.cron=*/" + TICK_SECONDS + " * * * * *",
			"--focusedroom.gdpr.retention.lock-at-least-for=PT3S",
			// 50 simultaneous submissions on a pool of 10: on a loaded machine the
			// default
			// 3 s wait for a connection gave 503s; these tests check rules, not latency.
			"--spring.datasource.hikari.connection-timeout=30000" };

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Path WORK = Path.of("target", "resilience");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<Path> logs = List.of(WORK.resolve("scale-out-a-" + UUID.randomUUID() + ".log"),
			WORK.resolve("scale-out-b-" + UUID.randomUUID() + ".log"));

	private String url = "";

	private EmbeddedPostgres database;

	private final List<AppProcess> instances = new ArrayList<>();

	private RoundRobinProxy proxy;

	@BeforeAll
	void startTwoInstancesBehindAProxy() throws Exception {
		Path dataDirectory = WORK.resolve("postgres-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dataDirectory);
		this.database = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
		String url = "jdbc:postgresql://localhost:" + this.database.getPort() + "/postgres";
		this.url = url;
		// Both start at once, so both try to migrate the empty database: Flyway's lock
		// lets one migrate and the other find it done.
		CompletableFuture<AppProcess> a = CompletableFuture.supplyAsync(() -> start(url, this.logs.get(0), SHARED));
		CompletableFuture<AppProcess> b = CompletableFuture.supplyAsync(() -> start(url, this.logs.get(1), SHARED));
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

	@Test
	void anAdminSessionMadeOnOneInstanceIsAcceptedOnTheOtherAndALogoutThereEndsItEverywhere() throws Exception {
		AppProcess a = this.instances.get(0);
		AppProcess b = this.instances.get(1);
		Form login = form(a, "/admin/login", new ArrayList<>());
		HttpResponse<String> loggedIn = post(a, "/admin/login", login.cookies(),
				"username=scale-admin&password=test-admin-password&_csrf=" + encode(login.token()));
		assertThat(loggedIn.statusCode()).as("the login on A").isEqualTo(302);
		List<String> admin = cookies(loggedIn, new ArrayList<>(login.cookies()));
		assertThat(admin).anyMatch((cookie) -> cookie.startsWith("JSESSIONID="));
		HttpResponse<String> onB = get(b, "/admin", admin);
		assertThat(onB.statusCode()).as("the admin page on B with A's session").isEqualTo(200);
		assertThat(onB.body()).contains("/admin/logout").doesNotContain("name=\"password\"");
		assertThat(get(a, "/admin", admin).statusCode()).as("the admin page on A").isEqualTo(200);
		Form logout = form(b, "/admin", admin);
		assertThat(post(b, "/admin/logout", logout.cookies(), "_csrf=" + encode(logout.token())).statusCode())
			.as("the logout on B")
			.isEqualTo(302);
		HttpResponse<String> afterLogout = get(a, "/admin", admin);
		assertThat(afterLogout.statusCode()).as("the old session on A after the logout on B").isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/login"));
	}

	@Test
	void theRateLimitIsOneBudgetPerClientAcrossInstancesAndSurvivesARestart() throws Exception {
		String[] limited = { "--focusedroom.rate-limit.enabled=true", "--focusedroom.rate-limit.requests=10",
				"--focusedroom.rate-limit.window=10h",
				"--focusedroom.rate-limit.address-hash-key=scale-out-address-hash-key-the-same-on-both-instances" };
		List<AppProcess> pair = new ArrayList<>();
		try {
			CompletableFuture<AppProcess> c = CompletableFuture
				.supplyAsync(() -> start(this.url, WORK.resolve("scale-out-limited-c.log"), limited));
			CompletableFuture<AppProcess> d = CompletableFuture
				.supplyAsync(() -> start(this.url, WORK.resolve("scale-out-limited-d.log"), limited));
			pair.add(c.join());
			pair.add(d.join());
			// One client (this address), its POSTs alternating between the two instances.
			// Without a CSRF token an accepted POST is refused by the security chain
			// (403),
			// after the rate limit took its token; over the budget it is 429.
			Map<Integer, Integer> refusedBy = new HashMap<>();
			int accepted = 0;
			for (int i = 0; i < 24; i++) {
				int status = anonymousPost(pair.get(i % 2), "/big-five").statusCode();
				if (status == 429) {
					refusedBy.merge(i % 2, 1, Integer::sum);
				}
				else {
					accepted++;
				}
			}
			assertThat(accepted).as("POSTs accepted across both instances").isEqualTo(10);
			assertThat(refusedBy).as("refusals per instance").containsOnlyKeys(0, 1);
			pair.get(1).terminate();
			pair.set(1, start(this.url, WORK.resolve("scale-out-limited-d.log"), limited));
			assertThat(anonymousPost(pair.get(1), "/big-five").statusCode()).as("the restarted instance")
				.isEqualTo(429);
			assertThat(anonymousPost(pair.get(0), "/big-five").statusCode()).as("the other instance").isEqualTo(429);
		}
		finally {
			for (AppProcess instance : pair) {
				instance.terminate();
			}
		}
	}

	@Test
	void theScheduledRetentionJobRunsOnExactlyOneInstancePerTick() throws Exception {
		await("six ticks of the retention job").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> retentionTicks().size() >= 6);
		Map<Long, List<Integer>> ticks = retentionTicks();
		// The newest tick may still be running on a late instance: judge the ones before
		// it.
		long newest = ticks.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
		ticks.remove(newest);
		assertThat(ticks).hasSizeGreaterThanOrEqualTo(5);
		ticks.forEach((tick, instancesThatRan) -> assertThat(instancesThatRan)
			.as("instances that ran the tick at %s", java.time.Instant.ofEpochSecond(tick * TICK_SECONDS))
			.hasSize(1));
	}

	/**
	 * The retention job's runs per tick (by the time of its log line), and which
	 * instances ran each.
	 */
	private Map<Long, List<Integer>> retentionTicks() throws Exception {
		Map<Long, List<Integer>> ticks = new HashMap<>();
		for (int i = 0; i < this.logs.size(); i++) {
			for (String line : Files.readAllLines(this.logs.get(i), StandardCharsets.UTF_8)) {
				if (line.contains("Retention job erased")) {
					OffsetDateTime at = OffsetDateTime.parse(line.substring(0, line.indexOf(' ')));
					ticks.computeIfAbsent(at.toEpochSecond() / TICK_SECONDS, (tick) -> new ArrayList<>()).add(i);
				}
			}
		}
		return ticks;
	}

	private HttpResponse<String> anonymousPost(AppProcess app, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(app.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Form form(AppProcess app, String path, List<String> cookies) throws Exception {
		HttpResponse<String> page = get(app, path, cookies);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		Matcher token = FORM_TOKEN.matcher(page.body());
		assertThat(token.find()).as("a form token on " + path).isTrue();
		return new Form(cookies(page, new ArrayList<>(cookies)), token.group(1));
	}

	private HttpResponse<String> get(AppProcess app, String path, List<String> cookies) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30)).GET();
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(AppProcess app, String path, List<String> cookies, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The cookies a response sets, replacing those of the same name. */
	private static List<String> cookies(HttpResponse<String> response, List<String> cookies) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.substring(0, (header.indexOf(';') > 0) ? header.indexOf(';') : header.length());
			String name = pair.substring(0, pair.indexOf('=') + 1);
			cookies.removeIf((cookie) -> cookie.startsWith(name));
			if (pair.length() > name.length()) {
				cookies.add(pair);
			}
		}
		return cookies;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static AppProcess start(String url, Path log, String... arguments) {
		try {
			return AppProcess.start(url, log, arguments);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.database.getPostgresDatabase());
	}

	private record Form(List<String> cookies, String token) {

	}

}
