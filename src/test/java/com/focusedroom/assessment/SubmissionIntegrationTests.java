package com.focusedroom.assessment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web test end to end over HTTP, against the embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubmissionIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private volatile Csrf csrf;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNewEmailGivesReportOneAndTheSameEmailInAnotherCaseGivesReportTwo() throws Exception {
		Map<String, String> first = form("Grace@Example.com", 3);
		first.put("name", "Grace");
		first.put("age", "41");
		first.put("career", "Rear admiral");
		first.put("careerStage", "SENIOR");
		first.put("primaryGoal", "LEADERSHIP");
		HttpResponse<String> one = post(first);
		assertThat(one.statusCode()).isEqualTo(303);

		Map<String, String> second = form("  GRACE@example.COM ", 4);
		second.put("name", "");
		second.put("age", "42");
		second.put("career", "");
		second.put("primaryGoal", "FOCUS");
		HttpResponse<String> two = post(second);
		assertThat(two.statusCode()).isEqualTo(303);

		Map<String, Object> customer = this.jdbc.sql("SELECT * FROM customer WHERE email_id = 'grace@example.com'")
			.query()
			.singleRow();
		assertThat(customer).containsEntry("name", "Grace")
			.containsEntry("age", 42)
			.containsEntry("profession", "Rear admiral")
			.containsEntry("career_stage", "senior")
			.containsEntry("purpose", "focus")
			.containsEntry("channel_id", 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE lower(email_id) = 'grace@example.com'")
			.query(Long.class)
			.single()).isEqualTo(1);
		List<Map<String, Object>> reports = this.jdbc
			.sql("SELECT report_id, name, age, profession, purpose FROM big_five_result WHERE customer_id = ?"
					+ " ORDER BY report_id")
			.param(customer.get("customer_id"))
			.query()
			.listOfRows();
		assertThat(reports).extracting((row) -> row.get("report_id")).containsExactly(1, 2);
		assertThat(reports.get(0)).containsEntry("name", "Grace")
			.containsEntry("age", 41)
			.containsEntry("purpose", "leadership");
		assertThat(reports.get(1)).containsEntry("name", null)
			.containsEntry("age", 42)
			.containsEntry("purpose", "focus");

		String page = get(one.headers().firstValue("Location").orElseThrow()).body();
		assertThat(page).contains("Grace, your", "Report <span>1</span>");
		assertThat(get(two.headers().firstValue("Location").orElseThrow()).body()).contains("Report <span>2</span>");
	}

	@Test
	void theReportShowsTheStoredScoresAndSuggestions() throws Exception {
		HttpResponse<String> response = post(form("scores@example.com", 5));
		String location = response.headers().firstValue("Location").orElseThrow();
		Map<String, Object> stored = this.jdbc
			.sql("SELECT scores ->> 'O' AS openness, suggestions FROM big_five_result WHERE report_token = ?")
			.param(location.substring("/report/".length()))
			.query()
			.singleRow();
		String page = get(location).body();
		assertThat(page).contains("Openness to Experience", "Conscientiousness", "Extraversion", "Agreeableness",
				"Neuroticism", "Imagination", "Cautiousness");
		// Every answer 5 is flagged as careless (issue 11): the report says so instead of
		// suggesting.
		assertThat(stored.get("suggestions").toString()).startsWith("No suggestions: the answers look careless");
		assertThat(page).contains("Your answers look careless or hurried");
		assertThat(Double.parseDouble(stored.get("openness").toString())).isBetween(0.0, 100.0);
	}

	@Test
	void reportAddressesAreLongAndRandomNotSequential() throws Exception {
		String a = post(form("token-a@example.com", 3)).headers().firstValue("Location").orElseThrow();
		String b = post(form("token-b@example.com", 3)).headers().firstValue("Location").orElseThrow();
		assertThat(a).matches("/report/[0-9a-f]{64}");
		assertThat(b).matches("/report/[0-9a-f]{64}").isNotEqualTo(a);
		assertThat(get("/report/" + "0".repeat(64)).statusCode()).isEqualTo(404);
		assertThat(get("/report/1").statusCode()).isEqualTo(404);
	}

	@Test
	void aTickedOptInIsKeptWhenALaterVisitLeavesItUnticked() throws Exception {
		Map<String, String> unticked = form("consent@example.com", 3);
		post(unticked);
		assertThat(optIn("consent@example.com")).isFalse();
		Map<String, String> ticked = form("consent@example.com", 3);
		ticked.put("optIn", "true");
		post(ticked);
		assertThat(optIn("consent@example.com")).as("pending until the mailed link is confirmed").isFalse();
		assertThat(this.consents
			.confirm(com.focusedroom.channel.Visitor.confirmationToken(this.jdbc, "consent@example.com")))
			.isEqualTo(com.focusedroom.consent.Consents.Confirmation.NOW);
		assertThat(optIn("consent@example.com")).isTrue();
		post(unticked);
		assertThat(optIn("consent@example.com")).isTrue();
	}

	@Test
	void aRejectedSubmissionStoresNothing() throws Exception {
		long customers = count("customer");
		long reports = count("big_five_result");
		Map<String, String> incomplete = form("rejected@example.com", 3);
		incomplete.remove("answers[60]");
		HttpResponse<String> response = post(incomplete);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Choose an answer for this statement.");
		Map<String, String> badAge = form("rejected@example.com", 3);
		badAge.put("age", "500");
		assertThat(post(badAge).statusCode()).isEqualTo(422);
		assertThat(count("customer")).isEqualTo(customers);
		assertThat(count("big_five_result")).isEqualTo(reports);
	}

	@Test
	void fiftySimultaneousSubmissionsWithOneNewEmailGiveOneCustomerAndReportsOneToFifty() throws Exception {
		int submitters = 50;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(submitters);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < submitters; i++) {
				String email = (i % 3 == 0) ? "Same.Person@Example.COM"
						: (i % 3 == 1) ? " same.person@example.com" : "SAME.PERSON@EXAMPLE.COM ";
				Map<String, String> form = form(email, 1 + (i % 5));
				statuses.add(pool.submit(() -> {
					start.await();
					return post(form).statusCode();
				}));
			}
			start.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).as("every submitter is answered with the report").isEqualTo(303);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Long> customers = this.jdbc
			.sql("SELECT customer_id FROM customer WHERE email_id = 'same.person@example.com'")
			.query(Long.class)
			.list();
		assertThat(customers).hasSize(1);
		List<Map<String, Object>> reports = this.jdbc
			.sql("SELECT report_id, created_at FROM big_five_result WHERE customer_id = ? ORDER BY report_id")
			.param(customers.get(0))
			.query()
			.listOfRows();
		assertThat(reports).extracting((row) -> (Integer) row.get("report_id"))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, submitters).boxed().toList());
		List<OffsetDateTime> times = reports.stream()
			.map((row) -> ((java.sql.Timestamp) row.get("created_at")).toInstant().atOffset(java.time.ZoneOffset.UTC))
			.toList();
		assertThat(times).as("report numbers follow the order of submission").isSorted();
	}

	@org.springframework.beans.factory.annotation.Autowired
	private com.focusedroom.consent.Consents consents;

	private boolean optIn(String email) {
		return this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	static Map<String, String> form(String email, int answer) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		for (int i = 0; i < 120; i++) {
			form.put("answers[" + i + "]", String.valueOf(answer));
		}
		return form;
	}

	private HttpResponse<String> post(Map<String, String> form) throws Exception {
		Csrf csrf = csrf();
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrf.field());
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/big-five"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrf.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The CSRF cookie and form field a browser gets with the test page, fetched once: the
	 * 50 concurrent submissions then all post the same token, as one browser's tabs
	 * would.
	 */
	private Csrf csrf() throws Exception {
		if (this.csrf == null) {
			HttpResponse<String> page = get("/big-five");
			String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
			Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(field.find()).as("the form carries a CSRF field").isTrue();
			this.csrf = new Csrf(cookie, field.group(1));
		}
		return this.csrf;
	}

	private record Csrf(String cookie, String field) {
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
