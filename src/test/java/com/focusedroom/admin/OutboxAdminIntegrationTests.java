package com.focusedroom.admin;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The Outbox in the admin area against the embedded PostgreSQL, without an SMTP server
 * (as in every test here): mail stays queued and the admin sees it.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class OutboxAdminIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aTestSubmissionsReportMailIsQueuedInTheOutboxAndOnTheCustomersPage() {
		String email = Fixtures.email("outbox.submit");
		String answers = IntStream.range(0, 120)
			.mapToObj((i) -> String.valueOf(1 + i % 5))
			.collect(Collectors.joining(","));
		assertThat(this.mvc.post()
			.uri("/api/v1/big-five")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"answers\":[" + answers + "]}")
			.with(csrf())).hasStatus2xxSuccessful();
		long mailId = Fixtures.count(this.jdbc, "SELECT mail_id FROM mail_outbox WHERE recipient = ?", email);
		long customerId = Fixtures.count(this.jdbc, "SELECT customer_id FROM customer WHERE email_id = ?", email);

		assertThat(this.mvc.get().uri("/admin/outbox").param("state", "queued")).hasStatusOk()
			.bodyText()
			.contains("mail stays here until", "spring.mail.host")
			.contains(email, "Your FocusedRoom report 1", "/admin/outbox/" + mailId)
			.containsPattern("Queued \\(\\d+\\)");
		assertThat(this.mvc.get().uri("/admin/outbox").param("state", "sent")).bodyText().doesNotContain(email);

		assertThat(this.mvc.get().uri("/admin/customers/{id}", customerId)).hasStatusOk()
			.bodyText()
			.contains("Mail (1)", "Your FocusedRoom report 1", "/admin/outbox/" + mailId, "queued");

		assertThat(this.mvc.get().uri("/admin/outbox/{id}", mailId)).hasStatusOk()
			.bodyText()
			.contains("Your FocusedRoom report 1", email, "<pre class=\"mail-text\" id=\"mail-text\">")
			.contains("sandbox=\"\"", "srcdoc=\"");
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'view_mail' AND customer_id = ? AND actor = 'test-admin'",
				customerId))
			.isEqualTo(1);
	}

	@Test
	void scriptInAMessageIsEscapedAndOnlyInsideTheSandboxedFrame() throws Exception {
		String email = Fixtures.email("outbox.script");
		long mailId = this.jdbc.sql("""
				INSERT INTO mail_outbox (recipient, kind, subject, body_html, body_text)
				VALUES (?, 'report', 'Hello <b>there</b>', ?, ?) RETURNING mail_id""")
			.params(email, "<p>Hi</p><script>alert('pwned')</script><img src=x onerror=\"alert(2)\">",
					"Plain <script>alert('text')</script> part")
			.query(Long.class)
			.single();
		String page = this.mvc.get().uri("/admin/outbox/{id}", mailId).exchange().getResponse().getContentAsString();
		assertThat(page).doesNotContain("<script>", "<img src=x", "<b>there</b>")
			.contains("Plain &lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt; part")
			.contains("Hello &lt;b&gt;there&lt;/b&gt;");
		String frame = page.substring(page.indexOf("<iframe"), page.indexOf("</iframe>"));
		assertThat(frame).contains("sandbox=\"\"")
			.doesNotContain("allow-scripts", "allow-same-origin")
			.contains("srcdoc=\"&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;");
		String policy = this.mvc.get()
			.uri("/admin/outbox/{id}", mailId)
			.exchange()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
	}

	@Test
	void liftingASuppressionRemovesItAndIsAudited() {
		String email = Fixtures.email("outbox.suppressed");
		this.jdbc.sql("INSERT INTO mail_suppression (recipient, reason) VALUES (?, '550 no such user')")
			.param(email)
			.update();
		assertThat(this.mvc.get().uri("/admin/suppressions")).hasStatusOk()
			.bodyText()
			.contains(email, "550 no such user");
		long audited = Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_audit WHERE action = 'lift_suppression'");

		assertThat(this.mvc.post().uri("/admin/suppressions/lift").param("recipient", email))
			.as("without the CSRF token")
			.hasStatus(403);
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM mail_suppression WHERE recipient = ?", email))
			.isEqualTo(1);

		assertThat(this.mvc.post().uri("/admin/suppressions/lift").param("recipient", email).with(csrf()))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/suppressions")
			.flash()
			.containsEntry("message", "Suppression lifted: the address gets mail again.");
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM mail_suppression WHERE recipient = ?", email))
			.isZero();
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'lift_suppression' AND actor = 'test-admin'"))
			.isEqualTo(audited + 1);
		assertThat(this.mvc.get().uri("/admin/suppressions")).bodyText().doesNotContain(email);
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreSentToTheLogin() {
		for (String url : new String[] { "/admin/outbox", "/admin/outbox/1", "/admin/suppressions" }) {
			assertThat(this.mvc.get().uri(url)).as(url)
				.hasStatus3xxRedirection()
				.redirectedUrl()
				.endsWith("/admin/login");
		}
		assertThat(this.mvc.post().uri("/admin/suppressions/lift").param("recipient", "x@example.com").with(csrf()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/admin/login");
	}

}
