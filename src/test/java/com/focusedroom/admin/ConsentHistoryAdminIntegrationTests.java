package com.focusedroom.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.consent.Consents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What an admin sees of double opt-in (issue 13: 3; decision 0012): on the customer's
 * page, the request a ticked box made (wording, time, channel) while it is pending, its
 * confirmation once the mailed link is confirmed, and a grant from before double opt-in
 * labelled as a legacy grant; the CSV of opted-in customers holds only confirmed consent.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class ConsentHistoryAdminIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Consents consents;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aTickedBoxIsShownAsAPendingRequestUntilItsLinkIsConfirmedAndOnlyThenIsTheCustomerInTheCsv() throws Exception {
		String email = Fixtures.email("double-opt-in");
		String version = this.consents.currentNewsletterText().version();
		assertThat(this.mvc.post().uri("/big-five").with(csrf()).with(from("198.51.100.31")).params(test(email)))
			.hasStatus(303);
		long id = customerId(email);

		Page pending = customerPage(id);
		assertThat(pending.fact("opt-in")).isEqualTo("no");
		assertThat(pending.fact("email-confirmed")).startsWith("no");
		List<Row> rows = pending.history();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsSubsequence("newsletter", "request", "web_form", "Big Five Test",
				version);
		assertThat(rows.get(0).cells().get(0)).as("the time of the tick").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(rows.get(0).confirmation()).startsWith("Pending: not confirmed yet");
		assertThat(csvLines(email)).as("a pending request is no consent: not in the CSV").hasSize(1);

		String confirm = confirmationPath(email);
		assertThat(this.mvc.post().uri(confirm).with(csrf())).hasStatusOk().bodyText().contains("You are subscribed");

		Page confirmed = customerPage(id);
		assertThat(confirmed.fact("opt-in")).isEqualTo("yes");
		assertThat(confirmed.fact("email-confirmed")).startsWith("yes, ");
		rows = confirmed.history();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).cells()).containsSubsequence("request", "web_form", "Big Five Test", version);
		assertThat(rows.get(0).confirmation()).startsWith("Confirmed 2");
		assertThat(rows.get(1).cells()).containsSubsequence("grant", "web_form", "Big Five Test", version);
		assertThat(rows.get(1).confirmation())
			.isEqualTo("Confirms the request of " + rows.get(0).cells().get(0) + " (link opened from the mail)");
		List<String> csv = csvLines(email);
		assertThat(csv).as("confirmed: in the CSV").hasSize(2);
		assertThat(csv.get(1)).contains("\"" + email + "\"");
	}

	@Test
	void anExpiredRequestIsShownAsSuchAndLeavesTheCustomerOutOfTheCsv() throws Exception {
		String email = Fixtures.email("expired-request");
		assertThat(this.mvc.post().uri("/big-five").with(csrf()).with(from("198.51.100.32")).params(test(email)))
			.hasStatus(303);
		long id = customerId(email);
		this.jdbc
			.sql("UPDATE consent_request SET requested_at = requested_at - interval '8 days', "
					+ "expires_at = clock_timestamp() - interval '1 day' WHERE customer_id = ?")
			.param(id)
			.update();
		List<Row> rows = customerPage(id).history();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).confirmation()).startsWith("Expired unconfirmed").endsWith("changed nothing");
		assertThat(csvLines(email)).hasSize(1);
	}

	@Test
	void aGrantFromBeforeDoubleOptInIsLabelledAsALegacyGrant() throws Exception {
		String email = Fixtures.email("legacy-grant");
		long id = Fixtures.customer(this.jdbc, email, "Legacy", null, null, 1, false);
		// A grant as the single opt-in wrote it before V9: no request. V9's check refuses
		// such
		// rows from now on (NOT VALID keeps the old ones), so the test writes it as V9
		// found
		// it: without the check, which is then put back exactly as V9 adds it, in one
		// transaction.
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("ALTER TABLE consent_event DROP CONSTRAINT consent_event_grant_confirmed").update();
			this.jdbc.sql("""
					INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
					VALUES (:id, 'newsletter', 'grant', 1, 'web_form',
					        (SELECT min(consent_text_id) FROM consent_text WHERE purpose = 'newsletter'))
					""").param("id", id).update();
			// The deferred foreign key checks first: ALTER TABLE refuses pending trigger
			// events.
			this.jdbc.sql("SET CONSTRAINTS ALL IMMEDIATE").update();
			this.jdbc.sql("""
					ALTER TABLE consent_event ADD CONSTRAINT consent_event_grant_confirmed
					    CHECK (action = 'withdraw' OR consent_request_id IS NOT NULL OR source = 'my_reports') NOT VALID
					""").update();
		});
		Page page = customerPage(id);
		assertThat(page.fact("opt-in")).as("a legacy grant stays as it was").isEqualTo("yes");
		List<Row> rows = page.history();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsSubsequence("grant", "web_form", "Big Five Test");
		assertThat(rows.get(0).confirmation())
			.isEqualTo("Legacy grant: single opt-in before double opt-in, no confirmation request");
	}

	@Test
	void aSubscriptionFromMyReportsIsShownAsGivenWhileSignedIn() throws Exception {
		String email = Fixtures.email("signed-in-grant");
		long id = Fixtures.customer(this.jdbc, email, "Signed In", null, null, 1, false);
		this.consents.changeSignedIn(id, true);
		List<Row> rows = customerPage(id).history();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsSubsequence("grant", "my_reports");
		assertThat(rows.get(0).confirmation()).isEqualTo("Given while signed in to My reports (address confirmed)");
	}

	private Page customerPage(long id) throws Exception {
		var page = this.mvc.get().uri("/admin/customers/" + id).exchange();
		assertThat(page).hasStatusOk();
		return new Page(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private List<String> csvLines(String email) throws Exception {
		var csv = this.mvc.get().uri("/admin/customers/export.csv").param("q", email).exchange();
		assertThat(csv).hasStatusOk();
		return csv.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
	}

	private String confirmationPath(String email) {
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'newsletter_confirmation'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("https?://[^/\\s]+(/newsletter/confirm/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).as("the mail has the confirmation link").isTrue();
		return link.group(1);
	}

	private long customerId(String email) {
		return this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	/** The customer page's facts and consent history, as the admin reads them. */
	private record Page(String html) {

		String fact(String id) {
			Matcher fact = Pattern.compile("<dd[^>]* id=\"" + id + "\"[^>]*>(.*?)</dd>", Pattern.DOTALL)
				.matcher(this.html);
			assertThat(fact.find()).as("the page shows " + id).isTrue();
			return text(fact.group(1));
		}

		List<Row> history() {
			Matcher table = Pattern.compile("<table[^>]* id=\"consent-history\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
				.matcher(this.html);
			if (!table.find()) {
				return List.of();
			}
			return Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL)
				.matcher(table.group(1))
				.results()
				.map((row) -> new Row(Pattern.compile("<td([^>]*)>(.*?)</td>", Pattern.DOTALL)
					.matcher(row.group(1))
					.results()
					.map((cell) -> text(cell.group(2)))
					.toList()))
				.toList();
		}

		private static String text(String html) {
			return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
		}

	}

	/** One line of the consent history: its cells, the last one the confirmation. */
	private record Row(List<String> cells) {

		String confirmation() {
			return this.cells.get(this.cells.size() - 1);
		}

	}

	/**
	 * A client of its own, so the per-client mail limit is not shared with the other
	 * tests of this context.
	 */
	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The test form with the newsletter box ticked. */
	private MultiValueMap<String, String> test(String email) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("email", email);
		form.add("name", "Opt In");
		form.add("age", "30");
		form.add("optIn", "true");
		form.add("consentVersion", this.consents.currentNewsletterText().version());
		for (int i = 0; i < 120; i++) {
			form.add("answers[" + i + "]", String.valueOf(1 + (i * 3 + i / 7) % 5));
		}
		return form;
	}

}
