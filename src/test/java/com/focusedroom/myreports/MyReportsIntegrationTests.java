package com.focusedroom.myreports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.admin.AdminTestContext;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "My reports" end to end against the embedded PostgreSQL: the sign-in link from the
 * queued mail, its single use, the same answer for known and unknown addresses, the
 * signed-in page, the data export and the erasure; and the stranger who knows an address.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
class MyReportsIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void knownAndUnknownAddressesGetTheSamePage() throws Exception {
		takeTest("known.address@example.com", 3, null, null);
		MvcTestResult known = requestLink("known.address@example.com");
		MvcTestResult unknown = requestLink("nobody.here@example.com");
		assertThat(known).hasStatusOk();
		assertThat(unknown).hasStatusOk();
		// The page shows the address typed (to spot a typo), and nothing else tells them
		// apart.
		assertThat(withoutCsrf(known).replace("known.address@example.com", "ADDRESS"))
			.isEqualTo(withoutCsrf(unknown).replace("nobody.here@example.com", "ADDRESS"));
		assertThat(known.getResponse().getContentAsString()).contains("Check your inbox");
	}

	@Test
	void theSignInLinkWorksOnceAndExpires() throws Exception {
		String email = "once.only@example.com";
		takeTest(email, 3, null, null);
		String path = signInPath(email);
		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyText().contains("Sign in to my reports");
		MvcTestResult signedIn = this.mvc.post().uri(path).with(csrf()).exchange();
		assertThat(signedIn).hasStatus(303).hasRedirectedUrl("/my-reports");
		assertThat(this.mvc.post().uri(path).with(csrf())).as("used").hasStatus(404);
		assertThat(this.mvc.get().uri(path)).hasStatus(404);
		Cookie session = sessionCookie(signedIn);
		assertThat(this.mvc.get().uri("/admin").cookie(session)).as("the customer session is no admin").hasStatus(302);

		String expired = signInPath(email);
		this.jdbc
			.sql("UPDATE sign_in_link SET created_at = created_at - interval '1 hour', "
					+ "expires_at = clock_timestamp() - interval '1 second' WHERE used_at IS NULL")
			.update();
		assertThat(this.mvc.post().uri(expired).with(csrf())).as("expired").hasStatus(404);
		assertThat(this.mvc.post().uri(path.substring(0, path.length() - 2) + "xy").with(csrf())).hasStatus(404);
	}

	@Test
	void aSignedInCustomerSeesBothReportsComparesThemDownloadsTheirDataAndErasesEverything() throws Exception {
		String email = "self.service@example.com";
		String first = takeTest(email, 2, "Ada", null);
		String second = takeTest(email, 4, "Ada", null);
		Cookie session = signIn(email);
		String home = this.mvc.get().uri("/my-reports").cookie(session).exchange().getResponse().getContentAsString();
		assertThat(home).contains("Report 1", "Report 2", first, second, second + ".pdf");
		assertThat(this.mvc.get().uri(second).cookie(session)).as("the change without the device's cookie")
			.bodyText()
			.contains("mark on each bar shows your result in report <span>1</span>");
		assertThat(this.mvc.get().uri(second)).as("not signed in, on another device")
			.bodyText()
			.doesNotContain("mark on each bar shows your result in report");

		MvcTestResult data = this.mvc.get().uri("/my-reports/data.json").cookie(session).exchange();
		assertThat(data).hasStatusOk();
		assertThat(data.getResponse().getContentAsString()).contains("\"big_five_result\"", email);

		assertThat(this.mvc.post().uri("/my-reports/erase").with(csrf()).cookie(session)).as("not confirmed")
			.hasStatus(422);
		assertThat(this.mvc.post().uri("/my-reports/erase").param("confirm", "erase").with(csrf()).cookie(session))
			.hasStatusOk()
			.bodyText()
			.contains("Your data is erased");
		assertThat(this.mvc.get().uri(first)).hasStatus(404);
		assertThat(this.mvc.get().uri(second)).hasStatus(404);
		assertThat(count("SELECT count(*) FROM customer WHERE email_id = ?", email)).isZero();
		assertThat(
				count("SELECT count(*) FROM admin_audit WHERE action = 'erase' AND actor = ?", "customer (my reports)"))
			.isPositive();
	}

	@Test
	void aStrangerWhoKnowsAConfirmedAddressCannotRewriteItsOwnersRecord() throws Exception {
		String email = "owner@example.com";
		takeTest(email, 3, "Owner", "40");
		signIn(email);
		// The stranger: another name, age 13 (would block the owner's opt-in), the box
		// ticked, twice.
		MultiValueMap<String, String> stranger = form(email, 3, "Mallory", "13");
		assertThat(this.mvc.post().uri("/big-five").with(csrf()).params(stranger)).hasStatus(303);
		stranger.set("age", "30");
		stranger.set("optIn", "true");
		MvcTestResult strangers = this.mvc.post().uri("/big-five").with(csrf()).params(stranger).exchange();
		assertThat(strangers).hasStatus(303);
		assertThat(this.jdbc.sql("SELECT name || '/' || age FROM customer WHERE email_id = ?")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("Owner/40");
		assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single()).isFalse();
		String page = this.mvc.get()
			.uri(strangers.getResponse().getRedirectedUrl())
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("the stranger does not learn how many tests the owner took")
			.doesNotContain("Report 3", "You have taken the test before")
			.contains("kept apart until the owner");
		assertThat(this.mvc.post().uri("/api/v1/big-five").contentType("application/json").content(apiBody(email)))
			.hasStatus(201)
			.bodyText()
			.contains("\"reportId\":4", "\"confirmed\":false");
		// The owner sees them apart and disowns one; the numbering stays 1..n.
		Cookie owner = signIn(email);
		String home = this.mvc.get().uri("/my-reports").cookie(owner).exchange().getResponse().getContentAsString();
		assertThat(home).contains("while you were not signed in", "This was me", "Not me");
		assertThat(this.mvc.post().uri("/my-reports/reports/2/disown").with(csrf()).cookie(owner)).hasStatus(303);
		assertThat(this.jdbc.sql("""
				SELECT string_agg(report_id || ':' || unconfirmed || ':' || (disowned_at IS NOT NULL), ','
				                  ORDER BY report_id)
				FROM big_five_result r JOIN customer c USING (customer_id) WHERE c.email_id = ?""")
			.param(email)
			.query(String.class)
			.single()).isEqualTo("1:false:false,2:true:true,3:true:false,4:true:false");
		// The owner's own subscription from "my reports" is not blocked by the stranger's
		// age.
		assertThat(this.mvc.post().uri("/my-reports/newsletter").param("subscribe", "true").with(csrf()).cookie(owner))
			.hasStatus(303);
		assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single()).isTrue();
	}

	/**
	 * Signs in from the mailed link; returns the session cookie (Spring Session JDBC's).
	 */
	private Cookie signIn(String email) {
		MvcTestResult result = this.mvc.post().uri(signInPath(email)).with(csrf()).exchange();
		assertThat(result).hasStatus(303);
		return sessionCookie(result);
	}

	/**
	 * The session cookie that Spring Session JDBC sets (named {@code SESSION} under
	 * MockMvc, where Boot's {@code server.servlet.session.cookie.*} settings do not
	 * apply).
	 */
	private static Cookie sessionCookie(MvcTestResult result) {
		assertThat(result.getResponse().getCookies()).as("a session starts at sign-in").hasSize(1);
		return result.getResponse().getCookies()[0];
	}

	private String signInPath(String email) {
		assertThat(requestLink(email)).hasStatusOk();
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'sign_in'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("https?://[^/\\s]+(/my-reports/sign-in/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).as("the mail has the sign-in link").isTrue();
		return link.group(1);
	}

	private MvcTestResult requestLink(String email) {
		return this.mvc.post().uri("/my-reports").param("email", email).with(csrf()).exchange();
	}

	/** Takes the test; returns the report's path. */
	private String takeTest(String email, int answer, String name, String age) {
		MvcTestResult result = this.mvc.post()
			.uri("/big-five")
			.with(csrf())
			.params(form(email, answer, name, age))
			.exchange();
		assertThat(result).hasStatus(303);
		return result.getResponse().getRedirectedUrl();
	}

	private static MultiValueMap<String, String> form(String email, int answer, String name, String age) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("email", email);
		if (name != null) {
			form.add("name", name);
		}
		if (age != null) {
			form.add("age", age);
		}
		for (int i = 0; i < 120; i++) {
			form.add("answers[" + i + "]", String.valueOf(1 + (i + answer) % 5));
		}
		return form;
	}

	private static String apiBody(String email) {
		StringBuilder answers = new StringBuilder();
		for (int i = 0; i < 120; i++) {
			answers.append(i == 0 ? "" : ",").append(3);
		}
		return "{\"email\":\"" + email + "\",\"answers\":[" + answers + "]}";
	}

	private long count(String sql, String value) {
		return this.jdbc.sql(sql).param(value).query(Long.class).single();
	}

	private static String withoutCsrf(MvcTestResult result) throws RuntimeException {
		try {
			return result.getResponse().getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
