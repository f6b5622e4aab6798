package com.focusedroom.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response headers and cookies a security scanner looks at, over real HTTP.
 */
// The test client is the TLS proxy here: it connects from loopback, which is named as a
// trusted proxy.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class SecurityHeadersTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void everyPageForbidsFramingSniffingAndInlineCode() throws Exception {
		for (String path : new String[] { "/", "/big-five", "/no-such-page" }) {
			HttpResponse<String> response = get(path, false);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'")
					.doesNotContain("unsafe-inline", "unsafe-eval"));
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
		}
	}

	@Test
	void theApiIsStatelessButSendsTheSameHeaders() throws Exception {
		HttpResponse<String> items = get("/api/v1/big-five/items", true);
		assertThat(items.statusCode()).isEqualTo(200);
		assertThat(items.headers().allValues("Set-Cookie")).as("no session, no CSRF cookie").isEmpty();
		assertThat(items.headers().firstValue("Content-Security-Policy"))
			.hasValue(WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(items.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(items.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void nothingRevealsTheServerSoftwareOrItsInternals() throws Exception {
		HttpResponse<String> missing = get("/no-such-page", false);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Server")).isEmpty();
		assertThat(missing.headers().firstValue("X-Powered-By")).isEmpty();
		assertThat(missing.body()).contains("We could not find that page")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("Exception", "trace", "Whitelabel");
	}

	@Test
	void browsersGetPagesAndTheApiGetsProblemDetailsForRequestsNothingServes() throws Exception {
		HttpResponse<String> wrongMethod = this.http.send(HttpRequest.newBuilder(uri("/"))
			.header("Accept", "text/html")
			.method("PUT", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongMethod.statusCode()).isIn(403, 405);
		assertThat(wrongMethod.body()).doesNotContain("{\"");
		HttpResponse<String> api = this.http.send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("\"status\":404");
	}

	@Test
	void hstsIsSentOnlyWhenTheRequestCameOverHttps() throws Exception {
		assertThat(get("/", false).headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(get("/", true).headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000"));
	}

	@Test
	void theCsrfCookieIsHttpOnlySameSiteAndSecureOverHttps() throws Exception {
		String plain = get("/big-five", false).headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		String secure = get("/big-five", true).headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(secure).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	/**
	 * A browser's request, direct or as a TLS-terminating proxy here would forward it.
	 */
	private HttpResponse<String> get(String path, boolean viaHttpsProxy) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		if (viaHttpsProxy) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
