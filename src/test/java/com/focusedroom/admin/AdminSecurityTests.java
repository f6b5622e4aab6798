package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.focusedroom.login.LoginThrottle;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The admin area's doors: who gets in, who is kept out, and what a forged request can do.
 */
@SpringBootTest(properties = { AdminTestContext.PROPERTY, "focusedroom.admin.users[0].username=test-admin",
		"focusedroom.admin.users[0].password-hash=" + AdminSecurityTests.HASH,
		"focusedroom.admin.users[1].username=locked-admin",
		"focusedroom.admin.users[1].password-hash=" + AdminSecurityTests.HASH })
@AutoConfigureMockMvc
class AdminSecurityTests {

	private static final String PASSWORD = "test-admin-password";

	static final String HASH = "{bcrypt}$2a$10$SMvtJHuwnG0jpKW2r/aWSuTsMOzCAvdi2JPWjqr/6IOR2D13x7WO6";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyAdminPageAndActionRefusesAnAnonymousVisitor() {
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			boolean adminController = mapping.getValue()
				.getBeanType()
				.getPackageName()
				.equals(AdminController.class.getPackageName());
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!adminController && !pattern.startsWith("/admin") || pattern.equals(LoginThrottle.LOGIN_URL)) {
					continue;
				}
				assertThat(pattern).as("every admin controller lives under /admin").startsWith("/admin");
				String url = pattern.replaceAll("\\{[^}]+}", "1");
				var methods = mapping.getKey().getMethodsCondition().getMethods();
				for (var method : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET)
						: methods) {
					MvcTestResult result = this.mvc.method(HttpMethod.valueOf(method.name()))
						.uri(url)
						.with(csrf())
						.exchange();
					assertThat(result).as(method + " " + url).hasStatus3xxRedirection();
					assertThat(result.getResponse().getRedirectedUrl()).as(method + " " + url).endsWith("/admin/login");
					checked.add(method + " " + url);
				}
			}
		}
		assertThat(checked).as("the enumeration found the admin pages")
			.contains("GET /admin", "GET /admin/customers", "GET /admin/customers/1", "POST /admin/customers/1/erase",
					"POST /admin/customers/1/demographics", "GET /admin/customers/export.csv",
					"GET /admin/customers/1/data.json", "GET /admin/integrity", "GET /admin/audit", "GET /admin/outbox",
					"GET /admin/outbox/1", "GET /admin/suppressions", "POST /admin/suppressions/lift");
		assertThat(this.mvc.get().uri("/admin/not-a-page")).hasStatus3xxRedirection();
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedAndErasesNothing() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("csrf"), "Kept", null, null, 1, false);
		assertThat(this.mvc.post().uri("/admin/customers/{id}/erase", id).with(user("test-admin").roles("ADMIN")))
			.hasStatus(403);
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", id)).isOne();
	}

	@Test
	void theConfiguredAdminLogsInAndOutAndBothAreAudited() {
		MvcTestResult login = this.mvc.post()
			.uri("/admin/login")
			.param("username", "test-admin")
			.param("password", PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(login).hasStatus3xxRedirection().hasRedirectedUrl("/admin");
		// The session is in the database (Spring Session JDBC); the browser holds its
		// cookie.
		// (Without a web server, Spring Session keeps its own cookie name; the running
		// app's is
		// JSESSIONID, see AdminSessionHttpTests.)
		String setCookie = login.getResponse()
			.getHeaders("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("JSESSIONID=") || header.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
		Cookie session = new Cookie(setCookie.substring(0, setCookie.indexOf('=')),
				setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
		assertThat(this.mvc.get().uri("/admin").cookie(session)).hasStatusOk().bodyText().contains("Dashboard");
		assertThat(this.mvc.post().uri("/admin/logout").cookie(session).with(csrf())).hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/login?logout");
		assertThat(this.mvc.get().uri("/admin").cookie(session)).as("the session ended with the logout")
			.hasStatus3xxRedirection();
		assertThat(this.jdbc
			.sql("SELECT action FROM admin_audit WHERE actor = 'test-admin' AND action IN ('login', 'logout') "
					+ "ORDER BY audit_id DESC LIMIT 2")
			.query(String.class)
			.list()).containsExactly("logout", "login");
	}

	@Test
	void aWrongPasswordIsRefusedAndAnUnknownNameIsNotStored() {
		assertThat(this.mvc.post()
			.uri("/admin/login")
			.param("username", "someone@example.com")
			.param("password", "guess")
			.with(csrf())).hasStatus3xxRedirection().redirectedUrl().startsWith("/admin/login?");
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_login_failure WHERE username LIKE '%example.com%'"))
			.isZero();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_audit WHERE actor LIKE '%example.com%'"))
			.isZero();
	}

	@Test
	void fiveFailuresForANameFromOneAddressLockThatNameThereOnly() {
		for (int i = 0; i < 5; i++) {
			assertThat(loginFrom("10.0.0.1", "locked-admin", "wrong-" + i)).hasRedirectedUrl("/admin/login?error");
		}
		assertThat(loginFrom("10.0.0.1", "locked-admin", PASSWORD)).hasRedirectedUrl("/admin/login?locked");
		assertThat(loginFrom("10.0.0.2", "locked-admin", PASSWORD)).hasRedirectedUrl("/admin");
	}

	@Test
	void anAttackersFailuresFromManyAddressesDoNotStopTheAdminsOwnLogin() {
		for (int address = 0; address < 10; address++) {
			for (int i = 0; i < 6; i++) {
				loginFrom("10.0.1." + address, "test-admin", "guess-" + i);
			}
		}
		assertThat(loginFrom("10.0.2.1", "test-admin", PASSWORD)).hasRedirectedUrl("/admin");
	}

	@Test
	void aBrowserThatLoggedInBeforeIsNotLockedByOthersFailuresAtItsAddress() {
		MvcTestResult first = loginFrom("10.0.3.1", "test-admin", PASSWORD, null);
		assertThat(first).hasRedirectedUrl("/admin");
		Cookie device = first.getResponse().getCookie("FR_ADMIN_DEVICE");
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		for (int i = 0; i < 25; i++) {
			loginFrom("10.0.3.1", (i % 2 == 0) ? "test-admin" : "someone-" + i, "guess-" + i, null);
		}
		assertThat(loginFrom("10.0.3.1", "test-admin", PASSWORD, null)).hasRedirectedUrl("/admin/login?locked");
		assertThat(loginFrom("10.0.3.1", "test-admin", PASSWORD, device)).hasRedirectedUrl("/admin");
		Cookie forged = new Cookie("FR_ADMIN_DEVICE", "0".repeat(32) + "." + "0".repeat(64));
		assertThat(loginFrom("10.0.3.1", "test-admin", PASSWORD, forged)).hasRedirectedUrl("/admin/login?locked");
	}

	@Test
	void knownAndUnknownNamesAnswerAlikeAndAreCountedApart() {
		for (int i = 0; i < 4; i++) {
			assertThat(loginFrom("10.0.4.1", "nobody-a", "x")).hasRedirectedUrl("/admin/login?error");
			assertThat(loginFrom("10.0.4.2", "locked-admin", "x")).hasRedirectedUrl("/admin/login?error");
		}
		// Another unknown name has its own count, as another admin name would.
		assertThat(loginFrom("10.0.4.1", "nobody-b", "x")).hasRedirectedUrl("/admin/login?error");
		assertThat(loginFrom("10.0.4.1", "nobody-a", "x")).hasRedirectedUrl("/admin/login?error");
		assertThat(loginFrom("10.0.4.2", "locked-admin", "x")).hasRedirectedUrl("/admin/login?error");
		assertThat(loginFrom("10.0.4.1", "nobody-a", "x")).hasRedirectedUrl("/admin/login?locked");
		assertThat(loginFrom("10.0.4.2", "locked-admin", "x")).hasRedirectedUrl("/admin/login?locked");
	}

	@Test
	void attemptsRefusedWhileLockedWriteNothing() {
		for (int i = 0; i < 5; i++) {
			loginFrom("10.0.5.1", "nobody-locked", "x");
		}
		long audit = Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_audit");
		long failures = Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_login_failure");
		for (int i = 0; i < 20; i++) {
			assertThat(loginFrom("10.0.5.1", "nobody-locked", "x")).hasRedirectedUrl("/admin/login?locked");
		}
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_audit")).isEqualTo(audit);
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_login_failure")).isEqualTo(failures);
	}

	@Test
	void manyFailuresFromOneAddressLockThatAddressForEveryName() {
		for (int i = 0; i < 20; i++) {
			loginFrom("10.9.9.9", "nobody-" + i, "wrong");
		}
		assertThat(loginFrom("10.9.9.9", "test-admin", PASSWORD)).hasRedirectedUrl("/admin/login?locked");
		assertThat(loginFrom("10.9.9.10", "test-admin", PASSWORD)).hasRedirectedUrl("/admin");
	}

	@Test
	void theLoginPageAndAdminPagesCarryTheStrictHeaders() {
		assertThat(this.mvc.get().uri("/admin/login")).hasStatusOk()
			.hasHeader("X-Frame-Options", "DENY")
			.bodyText()
			.contains("name=\"_csrf\"");
	}

	private MvcTestResult loginFrom(String address, String username, String password) {
		return loginFrom(address, username, password, null);
	}

	private MvcTestResult loginFrom(String address, String username, String password, @Nullable Cookie device) {
		return this.mvc.post()
			.uri("/admin/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				if (device != null) {
					request.setCookies(device);
				}
				return request;
			})
			.exchange();
	}

}
