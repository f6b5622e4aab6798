package com.focusedroom.metrics;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import com.focusedroom.consent.Consents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus}: only the scrape token reads it, and it counts what
 * visitors did. Ten public POSTs per client in this context; the loopback address is a
 * trusted proxy, so the rate-limit test comes from an address of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.metrics.scrape-token-sha256=" + PrometheusEndpointTests.TOKEN_SHA256,
				"focusedroom.rate-limit.requests=10", "focusedroom.rate-limit.window=1h",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
@DirtiesContext
class PrometheusEndpointTests {

	static final String TOKEN = "test-scrape-token-0123456789abcdef";

	/** {@code printf %s "$TOKEN" | sha256sum} */
	static final String TOKEN_SHA256 = "fbf33ffe786b1c6640c3c1a9d80e8264000f22b81fada3420734ecd007eb40d4";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Consents consents;

	@Test
	void anAnonymousClientOrAWrongTokenGetsNoMetrics() throws Exception {
		Visitor visitor = new Visitor(this.port);
		HttpResponse<String> anonymous = visitor.get("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
		assertThat(anonymous.body()).doesNotContain("jvm_", "focusedroom_");

		for (String authorization : new String[] { "Bearer wrong-token", "Bearer " + TOKEN_SHA256, TOKEN,
				"Basic dGVzdC1hZG1pbjp0ZXN0LWFkbWluLXBhc3N3b3Jk" }) {
			HttpResponse<String> refused = visitor
				.send(visitor.request("/actuator/prometheus").header("Authorization", authorization).GET());
			assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
			assertThat(refused.body()).doesNotContain("jvm_", "focusedroom_");
		}
		assertThat(visitor.get("/actuator").body()).doesNotContain("jvm_");
		assertThat(visitor.get("/actuator/metrics").statusCode()).as("only health and prometheus are exposed")
			.isIn(401, 404);
	}

	@Test
	void theTokenReadsTheJvmPoolHttpAndBusinessMetrics() throws Exception {
		assertThat(new Visitor(this.port).get("/big-five").statusCode()).isEqualTo(200);
		String metrics = scrape();
		assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads",
				"hikaricp_connections_active{pool=\"focusedroom\"}", "hikaricp_connections_pending{",
				"http_server_requests_seconds_bucket{", "uri=\"/big-five\"",
				"focusedroom_tests_submitted_total{channel=\"big_five_test\"}",
				"focusedroom_tests_submitted_total{channel=\"mobile_app\"}", "focusedroom_ebook_requests_total",
				"focusedroom_reports_viewed_total{format=\"page\"}", "focusedroom_reports_viewed_total{format=\"pdf\"}",
				"focusedroom_consents_granted_total{source=\"web_form\"}",
				"focusedroom_consents_withdrawn_total{source=\"unsubscribe_link\"}",
				"focusedroom_requests_limited_total{limit=\"public-post\"}");
	}

	@Test
	void testsReportsAndConsentsAreCountedAndNothingPersonalIsATag() throws Exception {
		Visitor visitor = new Visitor(this.port);
		String before = scrape();

		Map<String, String> form = Visitor.testForm("metrics.form@example.com", 3);
		form.put("optIn", "true");
		form.put("age", "30");
		assertThat(visitor.submitForm("/big-five", "/big-five", form).statusCode()).isEqualTo(303);
		HttpResponse<String> api = visitor.postJson("/api/v1/big-five",
				Visitor.apiBody("metrics.api@example.com", 4, "\"optIn\":true,\"age\":30"));
		assertThat(api.statusCode()).isEqualTo(201);
		Map<String, String> refused = Visitor.testForm("metrics.refused@example.com", 3);
		refused.put("optIn", "true");
		refused.put("consentVersion", "1999-01");
		assertThat(visitor.submitForm("/big-five", "/big-five", refused).statusCode()).as("refused, nothing stored")
			.isEqualTo(422);
		assertThat(increase(before, scrape(), "focusedroom_consents_granted_total{source=\"web_form\"}"))
			.as("a ticked box is a pending request, not yet a grant")
			.isZero();
		for (String email : new String[] { "metrics.form@example.com", "metrics.api@example.com" }) {
			assertThat(this.consents.confirm(Visitor.confirmationToken(this.jdbc, email)))
				.isEqualTo(Consents.Confirmation.NOW);
		}

		Matcher reportUrl = Pattern.compile("\"reportUrl\":\"[^\"]*(/report/[^\"]+)\"").matcher(api.body());
		assertThat(reportUrl.find()).as(api.body()).isTrue();
		assertThat(visitor.get(reportUrl.group(1)).statusCode()).isEqualTo(200);
		assertThat(visitor.getBytes(reportUrl.group(1) + ".pdf").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/report/" + "x".repeat(43)).statusCode()).as("no such report").isEqualTo(404);

		String unsubscribe = "/api/v1/unsubscribe/"
				+ this.jdbc.sql("SELECT unsubscribe_token FROM customer WHERE email_id = 'metrics.api@example.com'")
					.query(String.class)
					.single();
		assertThat(visitor.post(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.statusCode()).isEqualTo(200);
		assertThat(visitor.post(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.statusCode()).as("already unsubscribed: no second withdrawal").isEqualTo(200);

		String after = scrape();
		assertThat(increase(before, after, "focusedroom_tests_submitted_total{channel=\"big_five_test\"}"))
			.isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_tests_submitted_total{channel=\"mobile_app\"}")).isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_consents_granted_total{source=\"web_form\"}")).isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_consents_granted_total{source=\"api\"}")).isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_consents_withdrawn_total{source=\"unsubscribe_link\"}"))
			.isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_reports_viewed_total{format=\"page\"}")).isEqualTo(1);
		assertThat(increase(before, after, "focusedroom_reports_viewed_total{format=\"pdf\"}")).isEqualTo(1);
		assertThat(after).doesNotContain("metrics.form", "metrics.api", "example.com",
				reportUrl.group(1).substring("/report/".length()));
	}

	@Test
	void aRateLimitedRequestIsCountedByItsLimit() throws Exception {
		Visitor visitor = new Visitor(this.port);
		String before = scrape();
		int limited = 0;
		for (int i = 0; i < 12; i++) {
			HttpResponse<String> response = visitor.postJsonWithHeader("/api/v1/big-five", "{}", "X-Forwarded-For",
					"198.51.100.23");
			if (response.statusCode() == 429) {
				limited++;
			}
		}
		assertThat(limited).isEqualTo(2);
		assertThat(increase(before, scrape(), "focusedroom_requests_limited_total{limit=\"public-post\"}"))
			.isEqualTo(2);
	}

	private String scrape() throws Exception {
		Visitor visitor = new Visitor(this.port);
		HttpResponse<String> response = visitor
			.send(visitor.request("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static double increase(String before, String after, String series) {
		return value(after, series) - value(before, series);
	}

	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no series " + series));
	}

}
