package com.focusedroom.limits;

import java.net.http.HttpResponse;
import java.util.Map;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client limit on public POSTs, with a limit of three per hour for this context,
 * and on report PDFs, two per hour.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.rate-limit.requests=3", "focusedroom.rate-limit.window=1h",
				"focusedroom.rate-limit.pdf-requests=2" })
@DirtiesContext
class RateLimitTests {

	@LocalServerPort
	private int port;

	@Test
	void aClientOverTheLimitGets429WithRetryAfterAsAProblemOnTheApiAndAsAPageOnForms() throws Exception {
		Visitor visitor = new Visitor(this.port);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> allowed = visitor.postJson("/api/v1/big-five",
					Visitor.apiBody("limited" + i + "@example.com", 3, null));
			assertThat(allowed.statusCode()).isEqualTo(201);
		}
		HttpResponse<String> api = visitor.postJson("/api/v1/big-five",
				Visitor.apiBody("limited@example.com", 3, null));
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(api.body()).contains("\"status\":429", "Too Many Requests");
		long retryAfter = Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 1200L);
		assertThat(api.body()).contains("\"retryAfterSeconds\":" + retryAfter,
				"try again in " + retryAfter + " second(s).");

		HttpResponse<String> form = visitor.submitForm("/ebook", "/ebook", Map.of("email", "limited.form@example.com"));
		assertThat(form.statusCode()).isEqualTo(429);
		assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(form.body()).contains("Too many requests at once", "Nothing was stored", "/css/app.css")
			.doesNotContain("<script");
		assertThat(form.headers().firstValue("Retry-After")).isPresent();

		HttpResponse<String> login = visitor.submitForm("/admin/login", "/admin/login",
				Map.of("username", "someone", "password", "guess"));
		assertThat(login.statusCode()).as("the admin login is a public POST too").isEqualTo(429);

		assertThat(visitor.get("/ebook").statusCode()).as("pages are still served").isEqualTo(200);
		assertThat(visitor.get("/admin/login").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/api/v1/big-five/items").statusCode()).isEqualTo(200);
	}

	@Test
	void reportPdfsHaveALimitPerClientOfTheirOwn() throws Exception {
		Visitor visitor = new Visitor(this.port);
		// Unknown reports cost the same as known ones: the limit comes before the lookup.
		String pdf = "/report/" + "ab".repeat(32) + ".pdf";
		for (int i = 0; i < 2; i++) {
			assertThat(visitor.get(pdf).statusCode()).isEqualTo(404);
		}
		HttpResponse<String> refused = visitor.get(pdf);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(visitor.get("/report/" + "ab".repeat(32)).statusCode()).as("report pages are not limited")
			.isEqualTo(404);
	}

}
