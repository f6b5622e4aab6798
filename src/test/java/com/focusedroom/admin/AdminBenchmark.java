package com.focusedroom.admin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin customer list and search with 100,000 generated customers: latency over HTTP
 * (database, rendering and all) as an admin's browser sees it. Not part of the build (the
 * name does not end in Tests); run it with {@code scripts/bench-admin.sh}. It prints
 * p50/p95/p99 per scenario and writes them to {@code target/bench-admin.md}. Nothing is
 * asserted about time: the figures go to {@code docs/benchmarks.md}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = AdminTestContext.PROPERTY)
class AdminBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);

	private static final int WARM_UP = 20;

	private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

	private static final int OTHER_REQUESTS = 30;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void customerListAndSearchLatency() throws Exception {
		long started = System.nanoTime();
		generate();
		long generated = System.nanoTime();
		System.out.printf("Generated %,d customers and %,d reports in %.1f s%n",
				this.jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single(),
				this.jdbc.sql("SELECT count(*) FROM big_five_result").query(Long.class).single(),
				(generated - started) / 1e9);
		logIn();

		Map<String, String> scenarios = new LinkedHashMap<>();
		scenarios.put("list, newest first, page 1", "/admin/customers");
		scenarios.put("list, newest first, page 200", "/admin/customers?page=199");
		scenarios.put("list, sorted by name, page 1", "/admin/customers?sort=name");
		scenarios.put("list, sorted by email, page 1", "/admin/customers?sort=email");
		scenarios.put("filter: opted in + career stage", "/admin/customers?optIn=true&careerStage=SENIOR");
		scenarios.put("search: full email, mixed case",
				"/admin/customers?q=" + encode(" Ada.Lovelace.77777@Example.COM "));
		scenarios.put("search: email fragment", "/admin/customers?q=lovelace.123");
		scenarios.put("search: name fragment", "/admin/customers?q=hopp");
		scenarios.put("search: profession fragment", "/admin/customers?q=engin");
		scenarios.put("search: no match", "/admin/customers?q=zzzxqy");
		scenarios.put("search + filters + name sort", "/admin/customers?q=lovelace&channel=2&optIn=false&sort=name");

		StringBuilder table = new StringBuilder(
				"| Scenario | rows matched | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
		// Warm every scenario up first (JIT, plan and page caches), then time each in
		// turn.
		Map<String, String> bodies = new LinkedHashMap<>();
		for (int i = 0; i < WARM_UP; i++) {
			for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
				bodies.put(scenario.getKey(), fetch(scenario.getValue()));
			}
		}
		for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
			String body = bodies.get(scenario.getKey());
			double[] millis = new double[REQUESTS];
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				fetch(scenario.getValue());
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			String line = String.format(java.util.Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n",
					scenario.getKey(), matched(body), percentile(millis, 50), percentile(millis, 95),
					percentile(millis, 99), millis[millis.length - 1]);
			System.out.print(line);
			table.append(line);
		}
		table.append("\nOther admin pages (").append(OTHER_REQUESTS).append(" timed requests each):\n\n");
		table.append("| Page | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
		for (String[] page : new String[][] { { "dashboard", "/admin" }, { "integrity", "/admin/integrity" } }) {
			fetch(page[1]);
			double[] millis = new double[OTHER_REQUESTS];
			for (int i = 0; i < OTHER_REQUESTS; i++) {
				long start = System.nanoTime();
				fetch(page[1]);
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(millis);
			String line = String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", page[0],
					percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1]);
			System.out.print(line);
			table.append(line);
		}
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		long start = System.nanoTime();
		HttpResponse<java.io.InputStream> csv = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/admin/customers/export.csv?includeWithoutConsent=true")))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		try (java.io.InputStream in = csv.body()) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				bytes += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		String export = String.format(java.util.Locale.ROOT,
				"%nCSV export of all customers: %,d lines, %.1f MB in %.1f s (JVM heap in use before: %d MB, "
						+ "heap committed after: %d MB)%n",
				lines, bytes / 1e6, (System.nanoTime() - start) / 1e9, heapBefore / 1_000_000,
				runtime.totalMemory() / 1_000_000);
		System.out.print(export);
		table.append(export);
		Path out = Path.of("target", "bench-admin.md");
		Files.writeString(out, table.toString());
		System.out.println("Written to " + out.toAbsolutePath());
	}

	/**
	 * 100,000 customers with realistic names, professions and stages; 1 report each, a
	 * second for every fifth; consent granted for about 40 %, so opt_in is derived as in
	 * production. One customer is ada.lovelace.77777@example.com.
	 */
	private void generate() {
		this.jdbc
			.sql("""
					INSERT INTO customer (email_id, name, age, profession, career_stage, purpose, channel_id, create_dt,
					                      updated_at)
					SELECT lower(f.first || '.' || l.last || '.' || g) || '@example.com',
					       f.first || ' ' || l.last, 18 + g % 50,
					       (ARRAY['Software engineer','Nurse','Teacher','Accountant','Designer','Sales manager',
					              'Civil engineer','Student','Consultant','Product manager'])[1 + g % 10],
					       (ARRAY['student','early_career','mid_career','senior','career_change','returning'])[1 + g % 6],
					       (ARRAY['self_awareness','career_direction','focus','leadership','teamwork','wellbeing'])[1 + g % 6 + 0],
					       1 + (g % 7) % 3, now() - make_interval(mins => g * 5), now() - make_interval(mins => g * 5)
					FROM generate_series(1, :n) AS g
					CROSS JOIN LATERAL (SELECT (ARRAY['Ada','Grace','Alan','Linus','Barbara','Edsger','Margaret','Donald',
					                                  'Frances','Ken'])[1 + g % 10] AS first) AS f
					CROSS JOIN LATERAL (SELECT (ARRAY['Lovelace','Hopper','Turing','Torvalds','Liskov','Dijkstra',
					                                  'Hamilton','Knuth','Allen','Thompson','Ritchie','Kay','Lamport'])
					                                  [1 + (g / 10) % 13] AS last) AS l
					""")
			.param("n", CUSTOMERS)
			.update();
		this.jdbc.sql("""
				INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id, profession)
				SELECT c.customer_id, r.n,
				       jsonb_build_object('O', (c.customer_id * 7 + r.n) % 101, 'C', (c.customer_id * 11) % 101,
				                          'E', (c.customer_id * 13) % 101, 'A', (c.customer_id * 17) % 101,
				                          'N', (c.customer_id * 19 + r.n) % 101, 'domains', '{}'::jsonb),
				       'Suggestion one.' || chr(10) || 'Suggestion two.', c.channel_id, c.profession
				FROM customer c
				CROSS JOIN LATERAL generate_series(1, CASE WHEN c.customer_id % 5 = 0 THEN 2 ELSE 1 END) AS r(n)
				""").update();
		this.jdbc.sql("""
				INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, touched_at)
				SELECT customer_id, channel_id, 'test', id, created_at FROM big_five_result
				""").update();
		// Recorded as confirmed grants (my_reports): V9 refuses a new form grant that
		// names
		// no confirmed request.
		this.jdbc.sql("""
				INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
				SELECT customer_id, 'newsletter', 'grant', channel_id, 'my_reports',
				       (SELECT min(consent_text_id) FROM consent_text)
				FROM customer WHERE customer_id % 5 IN (1, 3)
				""").update();
		this.jdbc.sql("""
				UPDATE customer SET email_id = 'ada.lovelace.77777@example.com'
				WHERE customer_id = (SELECT min(customer_id) FROM customer WHERE email_id LIKE 'ada.%')
				""").update();
		// As autovacuum would leave a production database: statistics and visibility map
		// up to date.
		this.jdbc.sql("VACUUM ANALYZE").update();
	}

	private void logIn() throws IOException, InterruptedException {
		String page = fetch("/admin/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=test-admin&password=test-admin-password&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url("/admin/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/admin"));
		assertThat(fetch("/admin/customers")).contains("Customers");
	}

	private String fetch(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static String matched(String body) {
		Matcher total = Pattern.compile("of (\\d+) customers").matcher(body);
		return total.find() ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(total.group(1))) : "0";
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
