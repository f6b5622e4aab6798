package com.focusedroom.consent;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Consent that can be proved, end to end: grants with the wording shown, the history that
 * reproduces opt_in, the unsubscribe link, and the minimum age.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "focusedroom.mail.per-client-per-hour=1000")
class ConsentIntegrationTests {

	// Every customer's opt_in must equal "the latest newsletter event is a grant".
	private static final String OPT_IN_NOT_FROM_HISTORY = """
			SELECT c.customer_id FROM customer c
			WHERE c.opt_in IS DISTINCT FROM coalesce((
			    SELECT e.action = 'grant' FROM consent_event e
			    WHERE e.customer_id = c.customer_id AND e.purpose = 'newsletter'
			    ORDER BY e.consent_event_id DESC LIMIT 1), false)
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Consents consents;

	@Test
	void theConsentHistoryOfACustomerReproducesOptInAtEveryStep() throws Exception {
		String email = "history@example.com";
		web(email, false, null);
		assertOptIn(email, false);
		web(email, true, null);
		assertOptIn(email, false);
		confirmFromMail(email);
		assertOptIn(email, true);
		web(email, false, null);
		assertOptIn(email, true);
		unsubscribe(email);
		assertOptIn(email, false);
		this.jdbc
			.sql("UPDATE consent_request SET requested_at = requested_at - interval '1 hour' "
					+ "WHERE customer_id = ?")
			.param(customerId(email))
			.update();
		ebook(email, true);
		assertOptIn(email, false);
		confirmFromMail(email);
		assertOptIn(email, true);

		List<Consents.ConsentEvent> history = this.consents.history(customerId(email));
		assertThat(history).extracting(Consents.ConsentEvent::action).containsExactly("grant", "withdraw", "grant");
		assertThat(history).extracting(Consents.ConsentEvent::source)
			.containsExactly("web_form", "unsubscribe_link", "ebook_form");
		assertThat(history).extracting(Consents.ConsentEvent::channelId).containsExactly(1, null, 2);
		assertThat(history).extracting(Consents.ConsentEvent::textVersion).containsExactly("2026-11", null, "2026-11");
		assertThat(history).extracting(Consents.ConsentEvent::occurredAt).isSorted();
		assertThat(this.jdbc.sql(OPT_IN_NOT_FROM_HISTORY).query(Long.class).list()).isEmpty();
	}

	@Test
	void aNewCustomerWhoLeavesTheBoxUntickedHasNoConsentEvents() throws Exception {
		web("unticked@example.com", false, null);
		assertThat(this.consents.history(customerId("unticked@example.com"))).isEmpty();
		assertOptIn("unticked@example.com", false);
	}

	@Test
	void theTestFormShowsTheStoredWordingAndPostsItsVersion() throws Exception {
		String page = visitor().get("/big-five").body();
		String stored = this.jdbc.sql("SELECT text FROM consent_text WHERE version = '2026-11'")
			.query(String.class)
			.single();
		assertThat(page).contains(stored.replace("'", "&#39;"), "name=\"consentVersion\" value=\"2026-11\"",
				"Leaving the box unticked never cancels a subscription you already have",
				"You must be 16 or older to subscribe");
	}

	@Test
	void aFormClaimingAWordingWeNeverShowedIsRefusedAtTheBoxAndNothingIsStored() throws Exception {
		Map<String, String> form = Visitor.testForm("forged.version@example.com", 3);
		form.put("optIn", "true");
		form.put("consentVersion", "1999-01");
		HttpResponse<String> response = visitor().submitForm("/big-five", "/big-five", form);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("We never showed a consent text with this version");
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email_id = 'forged.version@example.com'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void someoneBelowTheMinimumAgeCannotOptInAndTheFormSaysWhy() throws Exception {
		Map<String, String> form = Visitor.testForm("fifteen@example.com", 3);
		form.put("age", "15");
		form.put("optIn", "true");
		HttpResponse<String> response = visitor().submitForm("/big-five", "/big-five", form);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("You must be 16 or older to subscribe (GDPR Art. 8).",
				"Leave the newsletter box unticked");
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email_id = 'fifteen@example.com'")
			.query(Long.class)
			.single()).isZero();

		form.remove("optIn");
		assertThat(visitor().submitForm("/big-five", "/big-five", form).statusCode()).isEqualTo(303);
		Map<String, String> later = Visitor.testForm("fifteen@example.com", 3);
		later.put("optIn", "true");
		assertThat(visitor().submitForm("/big-five", "/big-five", later).statusCode())
			.as("without an age, the stored one counts")
			.isEqualTo(303);
		assertOptIn("fifteen@example.com", false);

		Map<String, String> sixteen = Visitor.testForm("sixteen@example.com", 3);
		sixteen.put("age", "16");
		sixteen.put("optIn", "true");
		assertThat(visitor().submitForm("/big-five", "/big-five", sixteen).statusCode()).isEqualTo(303);
		assertOptIn("sixteen@example.com", false);
		confirmFromMail("sixteen@example.com");
		assertOptIn("sixteen@example.com", true);
	}

	@Test
	void theUnsubscribeLinkShowsAButtonWorksOnceAndThenSaysItIsDone() throws Exception {
		web("unsubscribe.once@example.com", true, null);
		confirmFromMail("unsubscribe.once@example.com");
		String token = token("unsubscribe.once@example.com");

		HttpResponse<String> page = visitor().get("/unsubscribe/" + token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Stop the FocusedRoom newsletter?", "<button");
		assertOptIn("unsubscribe.once@example.com", true);

		HttpResponse<String> first = postUnsubscribe(page);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("You are unsubscribed");
		assertOptIn("unsubscribe.once@example.com", false);

		HttpResponse<String> second = postUnsubscribe(page);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("You are already unsubscribed");
		assertThat(visitor().get("/unsubscribe/" + token).body()).contains("You are already unsubscribed")
			.doesNotContain("<button");
		assertThat(this.consents.history(customerId("unsubscribe.once@example.com")))
			.extracting(Consents.ConsentEvent::action)
			.containsExactly("grant", "withdraw");
	}

	@Test
	void anUnknownUnsubscribeLinkIsNotFound() throws Exception {
		HttpResponse<String> page = visitor().get("/unsubscribe/" + "a".repeat(64));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("We do not know this unsubscribe link");
		assertThat(visitor().get("/unsubscribe/short").statusCode()).isEqualTo(404);
	}

	@Test
	void mailProgramsCanUnsubscribeWithOneClickOnce() throws Exception {
		web("one.click@example.com", true, null);
		confirmFromMail("one.click@example.com");
		String path = "/api/v1/unsubscribe/" + token("one.click@example.com");
		HttpResponse<String> first = visitor().post(path, "application/x-www-form-urlencoded",
				"List-Unsubscribe=One-Click");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("\"unsubscribed\":true", "\"alreadyDone\":false");
		assertOptIn("one.click@example.com", false);
		HttpResponse<String> second = visitor().post(path, "application/x-www-form-urlencoded",
				"List-Unsubscribe=One-Click");
		assertThat(second.body()).contains("\"alreadyDone\":true");
		HttpResponse<String> unknown = visitor().post("/api/v1/unsubscribe/" + "b".repeat(64),
				"application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void simultaneousClicksOnOneUnsubscribeLinkRecordOneWithdrawal() throws Exception {
		web("double.click@example.com", true, null);
		confirmFromMail("double.click@example.com");
		String path = "/api/v1/unsubscribe/" + token("double.click@example.com");
		runTogether(10, () -> visitor().post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.statusCode());
		assertThat(this.consents.history(customerId("double.click@example.com")))
			.extracting(Consents.ConsentEvent::action)
			.containsExactly("grant", "withdraw");
	}

	@Test
	void simultaneousTickedSubmissionsForOneNewEmailGiveOneCustomerAndOnePendingRequest() throws Exception {
		List<Integer> statuses = runTogether(20,
				() -> visitor()
					.postJson("/api/v1/big-five", Visitor.apiBody("together@example.com", 3, "\"optIn\":true"))
					.statusCode());
		assertThat(statuses).containsOnly(201);
		long customerId = customerId("together@example.com");
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email_id = 'together@example.com'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.consents.history(customerId)).as("nothing is granted before the link is confirmed").isEmpty();
		assertOptIn("together@example.com", false);
		assertThat(this.jdbc.sql("SELECT count(*) FROM consent_request WHERE customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single()).as("one request, not one per tick").isEqualTo(1);
		confirmFromMail("together@example.com");
		// Twenty ticks of the same wording say one thing: one grant (issue 12: 9).
		assertThat(this.consents.history(customerId)).hasSize(1).allMatch(Consents.ConsentEvent::isGrant);
		assertOptIn("together@example.com", true);
		assertThat(this.jdbc.sql("SELECT report_id FROM big_five_result WHERE customer_id = ? ORDER BY report_id")
			.param(customerId)
			.query(Integer.class)
			.list()).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
	}

	@Test
	void consentHistoryCannotBeRewritten() throws Exception {
		web("append.only@example.com", true, null);
		confirmFromMail("append.only@example.com");
		long customerId = customerId("append.only@example.com");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE consent_event SET action = 'withdraw' WHERE customer_id = ?")
				.param(customerId)
				.update());
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.sql("DELETE FROM consent_event WHERE customer_id = ?").param(customerId).update());
		assertOptIn("append.only@example.com", true);
	}

	private HttpResponse<String> postUnsubscribe(HttpResponse<String> page) throws Exception {
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
		assertThat(action.find()).as("the page has the unsubscribe form").isTrue();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		fields.put("_csrf", csrf.group(1));
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		return visitor().postForm(action.group(1), fields, cookie);
	}

	/**
	 * Opens the newest newsletter confirmation mail queued for the address, shows its
	 * page and presses its button, as the owner of the inbox would.
	 */
	private HttpResponse<String> confirmFromMail(String email) throws Exception {
		HttpResponse<String> page = visitor().get(confirmationPath(email));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Confirm the FocusedRoom newsletter?");
		return postForm(page);
	}

	private String confirmationPath(String email) {
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'newsletter_confirmation'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("https?://[^/\\s]+(/newsletter/confirm/[A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).as("the mail has the confirmation link").isTrue();
		return link.group(1);
	}

	private HttpResponse<String> postForm(HttpResponse<String> page) throws Exception {
		return postUnsubscribe(page);
	}

	@Test
	void aTickedBoxIsPendingUntilTheMailedLinkIsConfirmedAndASecondClickIsHarmless() throws Exception {
		String email = "double.opt.in@example.com";
		web(email, true, null);
		assertOptIn(email, false);
		assertThat(this.consents.history(customerId(email))).isEmpty();
		String path = confirmationPath(email);
		HttpResponse<String> page = visitor().get(path);
		assertOptIn(email, false);
		HttpResponse<String> first = postForm(page);
		assertThat(first.body()).contains("You are subscribed");
		assertOptIn(email, true);
		HttpResponse<String> second = postForm(page);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("Already confirmed");
		assertThat(this.consents.history(customerId(email))).hasSize(1);
		assertThat(this.jdbc.sql("SELECT email_confirmed_at IS NOT NULL FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anExpiredOrAlteredConfirmationLinkChangesNothingAndSaysSo() throws Exception {
		String email = "expired.link@example.com";
		web(email, true, null);
		String path = confirmationPath(email);
		HttpResponse<String> page = visitor().get(path);
		String altered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
		HttpResponse<String> alteredPage = visitor().get(altered);
		assertThat(alteredPage.statusCode()).isEqualTo(404);
		assertThat(alteredPage.body()).contains("We do not know this confirmation link", "Nothing has changed");
		this.jdbc
			.sql("UPDATE consent_request SET requested_at = requested_at - interval '8 days', "
					+ "expires_at = clock_timestamp() - interval '1 day' WHERE customer_id = ?")
			.param(customerId(email))
			.update();
		HttpResponse<String> expired = postForm(page);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired", "Nothing has changed");
		assertOptIn(email, false);
		assertThat(this.consents.deleteExpiredRequests()).isPositive();
		assertThat(this.consents.deleteExpiredRequests()).as("the clean-up is idempotent").isZero();
		assertOptIn(email, false);
	}

	@Test
	void aRepeatedTickWhileARequestIsPendingSendsNoSecondMail() throws Exception {
		String email = "repeated.tick@example.com";
		web(email, true, null);
		web(email, true, null);
		web(email, true, null);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND kind = 'newsletter_confirmation'")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void web(String email, boolean optIn, Integer age) throws Exception {
		Map<String, String> form = Visitor.testForm(email, 3);
		if (optIn) {
			form.put("optIn", "true");
		}
		if (age != null) {
			form.put("age", age.toString());
		}
		assertThat(visitor().submitForm("/big-five", "/big-five", form).statusCode()).isEqualTo(303);
	}

	private void ebook(String email, boolean optIn) throws Exception {
		Map<String, String> form = new java.util.HashMap<>(Map.of("email", email));
		if (optIn) {
			form.put("optIn", "true");
			form.put("ageConfirmed", "true");
		}
		assertThat(visitor().submitForm("/ebook", "/ebook", form).statusCode()).isEqualTo(303);
	}

	private void unsubscribe(String email) throws Exception {
		HttpResponse<String> page = visitor().get("/unsubscribe/" + token(email));
		assertThat(postUnsubscribe(page).body()).contains("You are unsubscribed");
	}

	private String token(String email) {
		return this.jdbc.sql("SELECT unsubscribe_token FROM customer WHERE email_id = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private long customerId(String email) {
		return this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private void assertOptIn(String email, boolean expected) {
		assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single()).as("opt_in of %s", email).isEqualTo(expected);
	}

	private Visitor visitor() {
		return new Visitor(this.port);
	}

	private static <T> List<T> runTogether(int count, java.util.concurrent.Callable<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
