package com.focusedroom.myreports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.admin.AdminTestContext;
import com.focusedroom.admin.Fixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the pages of a sign-in link tell a visitor: the address the link went to, why a
 * link did not work (used, expired, unknown) and the way on, and the warning that signing
 * in ends an admin's login in the same browser.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
class SignInLinkPagesTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theCheckYourInboxPageShowsTheAddressAsUsedSoATypoCanBeSeen() {
		assertThat(requestLink("  Typo.Check@Example.COM ")).hasStatusOk()
			.bodyText()
			.contains("Check your inbox", "typo.check@example.com", "Ask for a link to another address");
	}

	@Test
	void aUsedLinkSaysSoAndLeadsBackToMyReportsWhileTheBrowserIsSignedIn() throws Exception {
		String email = Fixtures.email("used.link");
		Fixtures.customer(this.jdbc, email, "Used Link", null, null, 1, false);
		String path = signInPath(email);
		MvcTestResult signedIn = this.mvc.post().uri(path).with(csrf()).exchange();
		assertThat(signedIn).hasStatus(303);
		// Sessions live in Spring Session (JDBC), not in the mock request: the browser
		// keeps the cookie it was given (named SESSION under MockMvc, where the servlet
		// container's cookie name does not apply).
		Cookie session = java.util.Arrays.stream(signedIn.getResponse().getCookies())
			.filter((cookie) -> "SESSION".equals(cookie.getName()) || "JSESSIONID".equals(cookie.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(this.mvc.get().uri("/my-reports").cookie(session)).bodyText()
			.contains("Signed in as <strong>" + email);

		assertThat(this.mvc.get().uri(path).cookie(session)).hasStatus(404)
			.bodyText()
			.contains("This sign-in link has been used", "This browser is still signed in")
			.doesNotContain("Ask for a new");
		assertThat(this.mvc.get().uri(path)).as("elsewhere")
			.hasStatus(404)
			.bodyText()
			.contains("This sign-in link has been used", "Nothing has changed", "Ask for a new")
			.doesNotContain("still signed in");
		assertThat(this.mvc.post().uri(path).with(csrf())).as("used again")
			.hasStatus(404)
			.bodyText()
			.contains("This sign-in link has been used");
	}

	@Test
	void anExpiredOrAlteredLinkSaysWhichAndChangesNothing() throws Exception {
		String email = "expired.page@example.com";
		String path = signInPath(email);
		String altered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
		assertThat(this.mvc.get().uri(altered)).hasStatus(404)
			.bodyText()
			.contains("We do not know this sign-in link", "copy the whole link");
		this.jdbc.sql("""
				UPDATE sign_in_link SET created_at = created_at - interval '1 hour',
				                        expires_at = clock_timestamp() - interval '1 second'
				WHERE token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')""")
			.param(path.substring(path.lastIndexOf('/') + 1))
			.update();
		assertThat(this.mvc.get().uri(path)).hasStatus(404)
			.bodyText()
			.contains("This sign-in link has expired", "minutes after it was sent");
		assertThat(this.mvc.post().uri(path).with(csrf())).hasStatus(404)
			.bodyText()
			.contains("This sign-in link has expired");
	}

	@Test
	void theSignInPageWarnsAnAdminThatSigningInEndsTheirAdminSession() throws Exception {
		String path = signInPath("admin.warning@example.com");
		assertThat(this.mvc.get().uri(path).with(user("test-admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("This browser is logged in to the admin area", "private window");
		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyText().doesNotContain("logged in to the admin area");
	}

	private String signInPath(String email) throws Exception {
		assertThat(requestLink(email)).hasStatusOk();
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'sign_in'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("https?://[^/\\s]+(/my-reports/sign-in/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).as("the mail has the sign-in link").isTrue();
		return link.group(1);
	}

	private MvcTestResult requestLink(String email) {
		return this.mvc.post().uri("/my-reports").param("email", email).with(csrf()).with(ownClient()).exchange();
	}

	/**
	 * A client of its own, so the per-client mail limit is not shared with the other
	 * tests of this context.
	 */
	private static RequestPostProcessor ownClient() {
		return (request) -> {
			request.setRemoteAddr("198.51.100.41");
			return request;
		};
	}

}
