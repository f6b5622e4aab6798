package com.focusedroom.mail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the delivery worker does with the answers of a real SMTP server (SubEthaSMTP in
 * the test JVM, scripted per recipient; never a mock of JavaMailSender): a 5xx for the
 * recipient fails the message at once and suppresses the address until it confirms again;
 * a 5xx for the message fails it and keeps the address; a 4xx is retried after a growing
 * wait and delivered later; a 4xx that never ends fails after {@code max-tries}. Decision
 * 0011.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.mail.delivery.interval=100ms", "focusedroom.mail.delivery.first-retry=500ms",
				"focusedroom.mail.delivery.max-retry=5s", "focusedroom.mail.delivery.max-tries=4",
				"focusedroom.mail.per-recipient-per-hour=100", "focusedroom.mail.per-client-per-hour=1000" })
@AutoConfigureMockMvc
class SmtpFailureIntegrationTests {

	private static final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

	private static final Duration FIRST_RETRY = Duration.ofMillis(500);

	/** The worker's jitter: each wait is the backoff plus or minus a fifth. */
	private static final double JITTER = 0.2;

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stopServer() {
		smtp.close();
	}

	@Test
	void aRecipientRefusedFor550IsSuppressedGetsNoMoreMailAndConfirmingTheAddressLiftsIt() throws Exception {
		String email = "smtp.gone@example.com";
		Visitor visitor = new Visitor(this.port);
		assertThat(submit(visitor, email, "\"optIn\":true,\"age\":30").statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(email).size() == 2);
		String confirmation = confirmationPath(smtp.receivedBy(email));

		// The mailbox goes away: the server answers RCPT TO with 550 from now on.
		smtp.answerRecipient(email, (attempt) -> 550);
		assertThat(submit(visitor, email, "").statusCode()).isEqualTo(201);
		long refused = newestMailTo(email);
		await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(state(refused)));
		assertThat(tries(refused)).isEqualTo(1);
		assertThat(lastError(refused)).contains("550", "User unknown");
		assertThat(suppressed(email)).isTrue();
		assertThat(smtp.attempts(email)).as("RCPT TO for the address: two delivered, one refused").hasSize(3);

		// Suppressed: the next submission succeeds, its mail is not even queued.
		assertThat(submit(visitor, email, "").statusCode()).isEqualTo(201);
		assertThat(newestMailTo(email)).isEqualTo(refused);
		// No further try of the failed message: the worker runs on (a mail to another
		// address goes out) and never asks the server about this address again.
		deliverWitness("smtp.witness.one@example.com");
		assertThat(smtp.attempts(email)).hasSize(3);
		assertThat(state(refused)).isEqualTo("failed");
		assertThat(tries(refused)).isEqualTo(1);

		assertThat(this.mvc.get().uri("/admin/suppressions").with(user("test-admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains(email, "550");

		// The owner opens the confirmation link they got before the mailbox failed: the
		// address is confirmed again, so it may be sent mail again.
		HttpResponse<String> page = visitor.get(confirmation);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> confirmed = pressTheButton(visitor, page);
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("You are subscribed");
		assertThat(suppressed(email)).isFalse();
		assertThat(this.mvc.get().uri("/admin/suppressions").with(user("test-admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.doesNotContain(email);
		smtp.acceptEverythingFor(email);
		assertThat(submit(visitor, email, "").statusCode()).isEqualTo(201);
		long afterwards = newestMailTo(email);
		assertThat(afterwards).isNotEqualTo(refused);
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(email).size() == 3);
		await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(state(afterwards)));
	}

	@Test
	void aMessageRefusedFor554FailsAtOnceAndTheAddressStaysDeliverable() {
		String email = "smtp.spam.filter@example.com";
		smtp.refuseMessagesTo(email, 554);
		this.outbox.post(report(email));
		long refused = newestMailTo(email);
		await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(state(refused)));
		assertThat(tries(refused)).isEqualTo(1);
		assertThat(lastError(refused)).contains("554");
		assertThat(suppressed(email)).as("the message was refused, not the address").isFalse();
		deliverWitness("smtp.witness.two@example.com");
		assertThat(smtp.attempts(email)).as("no second try of a refused message").hasSize(1);

		smtp.acceptEverythingFor(email);
		assertThat(this.outbox.post(report(email))).isEqualTo(Posting.QUEUED);
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(email).size() == 1);
	}

	@Test
	void aGreylistingRecipientIsRetriedAfterAGrowingWaitAndGetsTheMessageOnce() {
		String email = "smtp.greylisted@example.com";
		smtp.answerRecipient(email, (attempt) -> (attempt <= 2) ? 451 : 250);
		this.outbox.post(report(email));
		long mail = newestMailTo(email);
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(email).size() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(state(mail)));
		assertThat(tries(mail)).isEqualTo(3);
		assertThat(lastError(mail)).as("the last refusal is kept").contains("451");
		assertThat(suppressed(email)).isFalse();
		List<Instant> attempts = smtp.attempts(email);
		assertThat(attempts).hasSize(3);
		// The waits are at least the backoff less its jitter: first-retry, then twice it.
		assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(least(FIRST_RETRY));
		assertThat(Duration.between(attempts.get(1), attempts.get(2)))
			.isGreaterThanOrEqualTo(least(FIRST_RETRY.multipliedBy(2)));
		deliverWitness("smtp.witness.three@example.com");
		assertThat(smtp.receivedBy(email)).as("delivered once").hasSize(1);
	}

	@Test
	void aRecipientThatKeepsAnswering451FailsAfterTheBoundedNumberOfTries() {
		String email = "smtp.always.busy@example.com";
		smtp.answerRecipient(email, (attempt) -> 451);
		this.outbox.post(report(email));
		long mail = newestMailTo(email);
		await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(state(mail)));
		assertThat(tries(mail)).as("max-tries").isEqualTo(4);
		assertThat(lastError(mail)).contains("451");
		assertThat(suppressed(email)).as("a temporary refusal never suppresses").isFalse();
		deliverWitness("smtp.witness.four@example.com");
		assertThat(smtp.attempts(email)).as("RCPT TO for the address").hasSize(4);
		assertThat(smtp.receivedBy(email)).isEmpty();
	}

	/** Posts a mail to another address and waits until the server has it. */
	private void deliverWitness(String email) {
		this.outbox.post(report(email));
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(email).size() == 1);
	}

	private HttpResponse<String> submit(Visitor visitor, String email, String moreFields) throws Exception {
		return visitor.postJson("/api/v1/big-five", Visitor.apiBody(email, 3, moreFields));
	}

	private static HttpResponse<String> pressTheButton(Visitor visitor, HttpResponse<String> page) throws Exception {
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
		assertThat(action.find()).as("the page has the confirmation form").isTrue();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		return visitor.postForm(action.group(1), Map.of("_csrf", csrf.group(1)), cookie);
	}

	private static String confirmationPath(List<MimeMessage> mails) {
		for (MimeMessage mail : mails) {
			Matcher link = Pattern.compile("https?://[^/\\s]+(/newsletter/confirm/[A-Za-z0-9_-]+)")
				.matcher(GreenMailUtil.getBody(mail));
			if (link.find()) {
				return link.group(1);
			}
		}
		throw new AssertionError("No newsletter confirmation among the delivered mail");
	}

	private long newestMailTo(String email) {
		return this.jdbc.sql("SELECT max(mail_id) FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private String state(long mail) {
		return this.jdbc.sql("SELECT state FROM mail_outbox WHERE mail_id = ?")
			.param(mail)
			.query(String.class)
			.single();
	}

	private int tries(long mail) {
		return this.jdbc.sql("SELECT tries FROM mail_outbox WHERE mail_id = ?")
			.param(mail)
			.query(Integer.class)
			.single();
	}

	private String lastError(long mail) {
		return this.jdbc.sql("SELECT coalesce(last_error, '') FROM mail_outbox WHERE mail_id = ?")
			.param(mail)
			.query(String.class)
			.single();
	}

	private boolean suppressed(String email) {
		return this.jdbc.sql("SELECT count(*) FROM mail_suppression WHERE recipient = ?")
			.param(email)
			.query(Integer.class)
			.single() > 0;
	}

	private static Duration least(Duration backoff) {
		return Duration.ofMillis(Math.round(backoff.toMillis() * (1 - JITTER)));
	}

	private static Letter report(String address) {
		return new Letter(LetterKind.REPORT, address, null, Locale.ENGLISH,
				Map.of("name", "Ada", "reportNumber", 1, "reportUrl", "https://focusedroom.example/report/abc"), null);
	}

}
