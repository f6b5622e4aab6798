package com.focusedroom.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Sessions and CSRF tokens of the admin area over real HTTP (MockMvc's CSRF support
 * replaces the token repository, so these are tested against the running server): no
 * session exists before a login, and an admin's CSRF token belongs to their session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AdminTestContext.PROPERTY, "focusedroom.rate-limit.enabled=false",
				"focusedroom.admin.users[0].username=session-admin",
				"focusedroom.admin.users[0].password-hash=" + AdminSecurityTests.HASH })
class AdminSessionHttpTests {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anonymousRequestsUnderAdminCreateNoSession() throws Exception {
		for (String path : List.of("/admin", "/admin/", "/admin/customers", "/admin/customers/1/data.json",
				"/admin/login", "/admin/not-a-page")) {
			HttpResponse<String> response = get(path, List.of());
			assertThat(response.headers().allValues("Set-Cookie")).as(path)
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM spring_session WHERE principal_name IS NULL"))
			.as("sessions stored for nobody")
			.isZero();
	}

	@Test
	void aLoginStoresANewSessionInTheDatabaseAndTheLogoutDeletesIt() throws Exception {
		// A session id planted in the browser before the login (session fixation) is not
		// the one the admin gets.
		String planted = "JSESSIONID=" + java.util.Base64.getEncoder()
			.encodeToString("00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.US_ASCII));
		Form login = form("/admin/login", new ArrayList<>(List.of(planted)));
		HttpResponse<String> response = post("/admin/login", login.cookies(),
				"username=session-admin&password=test-admin-password&_csrf=" + encode(login.token()));
		assertThat(response.statusCode()).isEqualTo(302);
		String setCookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).doesNotStartWith(planted + ";").contains("HttpOnly", "SameSite=Strict");
		assertThat(setCookie).as("plain HTTP here; Secure behind TLS").doesNotContain("Secure");
		List<String> admin = cookies(response, new ArrayList<>(login.cookies()));
		String sessionId = new String(java.util.Base64.getDecoder()
			.decode(admin.stream()
				.filter((cookie) -> cookie.startsWith("JSESSIONID="))
				.findFirst()
				.orElseThrow()
				.substring("JSESSIONID=".length())), StandardCharsets.US_ASCII);
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM spring_session WHERE session_id = ? AND principal_name = 'session-admin'",
				sessionId))
			.as("the session, in the database")
			.isOne();
		assertThat(get("/admin", admin).statusCode()).isEqualTo(200);
		Form logout = form("/admin", admin);
		assertThat(post("/admin/logout", logout.cookies(), "_csrf=" + encode(logout.token())).statusCode())
			.isEqualTo(302);
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM spring_session WHERE session_id = ?", sessionId))
			.as("the session after the logout")
			.isZero();
		assertThat(get("/admin", admin).statusCode()).as("the old cookie after the logout").isEqualTo(302);
	}

	@Test
	void afterALoginTheAdminGetsBackToThePageFirstAskedFor() throws Exception {
		HttpResponse<String> asked = get("/admin/audit", List.of());
		List<String> cookies = cookies(asked, new ArrayList<>());
		Form login = form("/admin/login", cookies);
		HttpResponse<String> loggedIn = post("/admin/login", login.cookies(),
				"username=session-admin&password=test-admin-password&_csrf=" + encode(login.token()));
		assertThat(loggedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/audit"));
	}

	@Test
	void aTokenPairTakenWithoutTheSessionIsRefusedOnTheAdminsForms() throws Exception {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("planted"), "Kept", null, null, 1, false);
		List<String> admin = logIn();
		// The attacker's own valid cookie token and form token, as planted from a sibling
		// domain: enough for a cookie-only (double submit) check, not for the session.
		Form attacker = form("/admin/login", new ArrayList<>());
		List<String> planted = new ArrayList<>(admin);
		planted.removeIf((cookie) -> cookie.startsWith("XSRF-TOKEN="));
		attacker.cookies().stream().filter((cookie) -> cookie.startsWith("XSRF-TOKEN=")).forEach(planted::add);
		HttpResponse<String> forged = post("/admin/customers/" + id + "/erase", planted,
				"_csrf=" + encode(attacker.token()));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", id)).isOne();
		Form own = form("/admin/customers/" + id + "/demographics", admin);
		HttpResponse<String> saved = post("/admin/customers/" + id + "/demographics", own.cookies(),
				"name=Changed&_csrf=" + encode(own.token()));
		assertThat(saved.statusCode()).isEqualTo(302);
	}

	private List<String> logIn() throws Exception {
		Form login = form("/admin/login", new ArrayList<>());
		HttpResponse<String> response = post("/admin/login", login.cookies(),
				"username=session-admin&password=test-admin-password&_csrf=" + encode(login.token()));
		assertThat(response.statusCode()).isEqualTo(302);
		List<String> cookies = cookies(response, new ArrayList<>(login.cookies()));
		assertThat(cookies).anyMatch((cookie) -> cookie.startsWith("JSESSIONID="));
		return cookies;
	}

	private Form form(String path, List<String> cookies) throws Exception {
		HttpResponse<String> page = get(path, cookies);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		Matcher token = FORM_TOKEN.matcher(page.body());
		assertThat(token.find()).as("a form token on " + path).isTrue();
		return new Form(cookies(page, new ArrayList<>(cookies)), token.group(1));
	}

	private HttpResponse<String> get(String path, List<String> cookies) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (!cookies.isEmpty()) {
			request.header("Cookie", String.join("; ", cookies));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, List<String> cookies, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
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
			String pair = header.substring(0, header.indexOf(';') > 0 ? header.indexOf(';') : header.length());
			String name = pair.substring(0, pair.indexOf('=') + 1);
			cookies.removeIf((cookie) -> cookie.startsWith(name));
			if (pair.length() > name.length()) {
				cookies.add(pair);
			}
		}
		return cookies;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Form(List<String> cookies, String token) {

	}

}
