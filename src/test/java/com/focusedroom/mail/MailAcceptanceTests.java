package com.focusedroom.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's acceptance, end to end: the running app over real HTTP, its mail delivered
 * to a real SMTP server in the test JVM (GreenMail), and every link read from the
 * delivered mail (its HTML and its plain-text part), as the inbox's owner would read it,
 * never from the outbox table. {@link MailDeliveryTests} covers the API's report mail and
 * the delivery itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.mail.delivery.interval=200ms", "focusedroom.mail.per-recipient-per-hour=100" })
class MailAcceptanceTests {

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void eachTestFromTheFormIsMailedAsReportNWithAWorkingLinkAndNothingOfANewsletter() throws Exception {
		String email = "acceptance.form@example.com";
		for (int n = 1; n <= 2; n++) {
			Map<String, String> form = Visitor.testForm(email, 2 + n);
			form.put("name", "Ada");
			HttpResponse<String> submitted = visitor().submitForm("/big-five", "/big-five", form);
			assertThat(submitted.statusCode()).isEqualTo(303);
			String reportPath = URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();

			Mail mail = awaitMail(email, n);
			assertThat(mail.subject()).isEqualTo("Your FocusedRoom report " + n);
			assertThat(mail.message().getFrom()[0].toString()).startsWith("FocusedRoom <");
			assertThat(mail.message().getHeader("List-Unsubscribe")).as("transactional mail is no newsletter").isNull();
			assertThat(mail.message().getHeader("List-Unsubscribe-Post")).isNull();
			mail.assertNoRemoteContent();
			String link = mail.link("/report/[0-9a-f]{64}");
			assertThat(URI.create(link).getPath()).as("the mail links to the report just taken").isEqualTo(reportPath);
			HttpResponse<String> report = visitor().get(URI.create(link).getPath());
			assertThat(report.statusCode()).isEqualTo(200);
			assertThat(report.body()).contains("Ada");
		}
	}

	@Test
	void theTickedBoxOfTheWebFormTheEbookAndTheApiIsConfirmedOnlyByTheMailedLinksButton() throws Exception {
		Map<String, String> web = Visitor.testForm("acceptance.web@example.com", 3);
		web.put("optIn", "true");
		assertThat(visitor().submitForm("/big-five", "/big-five", web).statusCode()).isEqualTo(303);
		Map<String, String> ebook = new HashMap<>(
				Map.of("email", "acceptance.ebook@example.com", "optIn", "true", "ageConfirmed", "true"));
		assertThat(visitor().submitForm("/ebook", "/ebook", ebook).statusCode()).isEqualTo(303);
		assertThat(visitor()
			.postJson("/api/v1/big-five", Visitor.apiBody("acceptance.api@example.com", 3, "\"optIn\":true"))
			.statusCode()).isEqualTo(201);

		for (String email : new String[] { "acceptance.web@example.com", "acceptance.ebook@example.com",
				"acceptance.api@example.com" }) {
			Mail mail = awaitConfirmation(email);
			assertThat(mail.message().getFrom()[0].toString()).startsWith("FocusedRoom <");
			assertThat(mail.message().getHeader("List-Unsubscribe")).hasSize(1)
				.allMatch((h) -> h.matches("<http://localhost:\\d+/[^>]+>"));
			assertThat(mail.message().getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			mail.assertNoRemoteContent();
			String path = URI.create(mail.link("/newsletter/confirm/[A-Za-z0-9_-]{43}")).getPath();
			assertOptIn(email, false);

			HttpResponse<String> page = visitor().get(path);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Confirm the FocusedRoom newsletter?", "<button");
			assertThat(visitor().get(path).statusCode()).as("a mail scanner opening it twice").isEqualTo(200);
			assertOptIn(email, false);
			assertThat(grants(email)).as("opening the link alone grants nothing").isZero();

			HttpResponse<String> pressed = pressButton(page);
			assertThat(pressed.statusCode()).isEqualTo(200);
			assertThat(pressed.body()).contains("You are subscribed");
			assertOptIn(email, true);

			HttpResponse<String> again = pressButton(page);
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.body()).contains("Already confirmed");
			assertThat(visitor().get(path).body()).contains("Already confirmed").doesNotContain("<button");
			assertThat(grants(email)).as("a second click grants nothing more").isEqualTo(1);
			assertOptIn(email, true);
		}

		// The mail program's one-click unsubscribe (RFC 8058): a POST to the header's
		// URL,
		// without cookie or CSRF token.
		MimeMessage confirmation = awaitConfirmation("acceptance.web@example.com").message();
		String header = confirmation.getHeader("List-Unsubscribe")[0];
		String unsubscribe = URI.create(header.substring(1, header.length() - 1)).getPath();
		HttpResponse<String> oneClick = visitor().post(unsubscribe, "application/x-www-form-urlencoded",
				"List-Unsubscribe=One-Click");
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertOptIn("acceptance.web@example.com", false);
	}

	@Test
	void anExpiredOrAlteredConfirmationLinkFromTheMailChangesNothingAndSaysSo() throws Exception {
		String email = "acceptance.expired@example.com";
		Map<String, String> web = Visitor.testForm(email, 3);
		web.put("optIn", "true");
		assertThat(visitor().submitForm("/big-five", "/big-five", web).statusCode()).isEqualTo(303);
		String path = URI.create(awaitConfirmation(email).link("/newsletter/confirm/[A-Za-z0-9_-]{43}")).getPath();
		HttpResponse<String> page = visitor().get(path);
		assertThat(page.statusCode()).isEqualTo(200);

		String altered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
		HttpResponse<String> alteredPage = visitor().get(altered);
		assertThat(alteredPage.statusCode()).isEqualTo(404);
		assertThat(alteredPage.body()).contains("We do not know this confirmation link", "Nothing has changed")
			.doesNotContain("<button");
		HttpResponse<String> alteredPost = visitor().postForm(altered, csrfOf(page), cookieOf(page));
		assertThat(alteredPost.statusCode()).isEqualTo(404);
		assertThat(alteredPost.body()).contains("We do not know this confirmation link");
		assertOptIn(email, false);

		this.jdbc
			.sql("UPDATE consent_request SET requested_at = requested_at - interval '8 days', "
					+ "expires_at = clock_timestamp() - interval '1 second' "
					+ "WHERE customer_id = (SELECT customer_id FROM customer WHERE email_id = ?)")
			.param(email)
			.update();
		HttpResponse<String> expiredPage = visitor().get(path);
		assertThat(expiredPage.statusCode()).isEqualTo(410);
		assertThat(expiredPage.body()).contains("This link has expired", "Nothing has changed")
			.doesNotContain("<button");
		HttpResponse<String> expired = pressButton(page);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired", "Nothing has changed");
		assertOptIn(email, false);
		assertThat(grants(email)).isZero();
	}

	@Test
	void theMailedSignInLinkWorksOnceForThirtyMinutesAndShowsTheReports() throws Exception {
		String email = "acceptance.sign.in@example.com";
		String first = takeTest(email, 2);
		String second = takeTest(email, 4);
		awaitMail(email, 2);

		String path = signInLink(email, 3);
		shiftSignInLinks(email, "29 minutes");
		HttpResponse<String> page = visitor().get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in to my reports", "<button");
		HttpResponse<String> signedIn = pressButton(page);
		assertThat(signedIn.statusCode()).as("29 minutes old").isEqualTo(303);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/my-reports");
		String session = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<String> home = visitor().send(visitor().request("/my-reports").header("Cookie", session));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Report 1", "Report 2", first, second);

		HttpResponse<String> reused = pressButton(page);
		assertThat(reused.statusCode()).as("used once").isEqualTo(404);
		assertThat(reused.body()).contains("This sign-in link has been used", "Nothing has changed");
		assertThat(visitor().get(path).statusCode()).isEqualTo(404);

		String late = signInLink(email, 4);
		HttpResponse<String> latePage = visitor().get(late);
		assertThat(latePage.statusCode()).isEqualTo(200);
		shiftSignInLinks(email, "31 minutes");
		assertThat(visitor().get(late).statusCode()).as("31 minutes old").isEqualTo(404);
		HttpResponse<String> tooLate = pressButton(latePage);
		assertThat(tooLate.statusCode()).isEqualTo(404);
		assertThat(tooLate.body()).contains("This sign-in link has expired", "Nothing has changed");
		assertThat(tooLate.headers().allValues("Set-Cookie")).as("no session for an expired link")
			.noneMatch((c) -> c.startsWith(session.split("=")[0] + "=") && !c.contains("Max-Age=0"));
	}

	@Test
	void knownAndUnknownAddressesGetTheSamePageTheSameWorkAndTheSameMail() throws Exception {
		String known = "acceptance.known@example.com";
		String unknown = "acceptance.unknown@example.com";
		takeTest(known, 3);
		awaitMail(known, 1);

		long links = count("SELECT count(*) FROM sign_in_link");
		HttpResponse<String> knownAnswer = requestSignIn(known);
		assertThat(count("SELECT count(*) FROM sign_in_link")).isEqualTo(links + 1);
		HttpResponse<String> unknownAnswer = requestSignIn(unknown);
		assertThat(count("SELECT count(*) FROM sign_in_link")).isEqualTo(links + 2);
		assertThat(knownAnswer.statusCode()).isEqualTo(200).isEqualTo(unknownAnswer.statusCode());
		assertThat(knownAnswer.body()).contains("Check your inbox");
		assertThat(knownAnswer.body()).as("the page repeats the address typed").contains(known);
		assertThat(withoutCsrf(knownAnswer.body()).replace(known, "ADDRESS"))
			.isEqualTo(withoutCsrf(unknownAnswer.body()).replace(unknown, "ADDRESS"));
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'sign_in' AND recipient = '" + known + "'"))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE kind = 'sign_in' AND recipient = '" + unknown + "'"))
			.isEqualTo(1);

		Mail knownMail = awaitMail(known, 2);
		Mail unknownMail = awaitMail(unknown, 1);
		assertThat(knownMail.subject()).isEqualTo("Your sign-in link for My reports").isEqualTo(unknownMail.subject());
		assertThat(withoutToken(knownMail.text())).isEqualTo(withoutToken(unknownMail.text()));
		assertThat(withoutToken(knownMail.html())).isEqualTo(withoutToken(unknownMail.html()));

		HttpResponse<String> page = visitor().get(URI.create(unknownMail.link(SIGN_IN_PATH)).getPath());
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> noReports = pressButton(page);
		assertThat(noReports.statusCode()).isEqualTo(200);
		assertThat(noReports.body()).contains("No reports under this address");
		assertThat(count("SELECT count(*) FROM customer WHERE email_id = '" + unknown + "'")).isZero();
	}

	private static final String SIGN_IN_PATH = "/my-reports/sign-in/[A-Za-z0-9_-]{43}";

	private String signInLink(String email, int mailsBefore) throws Exception {
		assertThat(requestSignIn(email).statusCode()).isEqualTo(200);
		Mail mail = awaitMail(email, mailsBefore);
		assertThat(mail.subject()).isEqualTo("Your sign-in link for My reports");
		mail.assertNoRemoteContent();
		assertThat(mail.message().getHeader("List-Unsubscribe")).isNull();
		return URI.create(mail.link(SIGN_IN_PATH)).getPath();
	}

	private void shiftSignInLinks(String email, String age) {
		this.jdbc
			.sql("UPDATE sign_in_link SET created_at = created_at - CAST(? AS interval), "
					+ "expires_at = expires_at - CAST(? AS interval) WHERE used_at IS NULL "
					+ "AND customer_id = (SELECT customer_id FROM customer WHERE email_id = ?)")
			.params(age, age, email)
			.update();
	}

	private HttpResponse<String> requestSignIn(String email) throws Exception {
		return visitor().submitForm("/my-reports", "/my-reports", Map.of("email", email));
	}

	private String takeTest(String email, int answer) throws Exception {
		HttpResponse<String> submitted = visitor().submitForm("/big-five", "/big-five",
				Visitor.testForm(email, answer));
		assertThat(submitted.statusCode()).isEqualTo(303);
		return URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();
	}

	/** Presses the page's one form button, with the page's CSRF token and cookie. */
	private HttpResponse<String> pressButton(HttpResponse<String> page) throws Exception {
		Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
		assertThat(action.find()).as("the page has a form").isTrue();
		return visitor().postForm(action.group(1), csrfOf(page), cookieOf(page));
	}

	private static Map<String, String> csrfOf(HttpResponse<String> page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as("the page has a CSRF token").isTrue();
		return Map.of("_csrf", csrf.group(1));
	}

	private static String cookieOf(HttpResponse<String> page) {
		return page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
	}

	private Mail awaitConfirmation(String email) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(mailsTo(email)).anyMatch((m) -> subjectOf(m).startsWith("Please confirm")));
		MimeMessage[] confirmations = Arrays.stream(mailsTo(email))
			.filter((m) -> subjectOf(m).startsWith("Please confirm"))
			.toArray(MimeMessage[]::new);
		assertThat(confirmations).hasSize(1);
		assertThat(subjectOf(confirmations[0])).isEqualTo("Please confirm your FocusedRoom newsletter subscription");
		return Mail.of(confirmations[0]);
	}

	/** Waits for the address's {@code n}th mail and returns it. */
	private Mail awaitMail(String email, int n) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).length >= n);
		MimeMessage[] received = mailsTo(email);
		assertThat(received).as("mails to %s", email).hasSize(n);
		return Mail.of(received[n - 1]);
	}

	private static MimeMessage[] mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long grants(String email) {
		return count("SELECT count(*) FROM consent_event e JOIN customer c USING (customer_id) "
				+ "WHERE e.action = 'grant' AND c.email_id = '" + email + "'");
	}

	private void assertOptIn(String email, boolean expected) {
		assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single()).as("opt_in of %s", email).isEqualTo(expected);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String withoutCsrf(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private static String withoutToken(String body) {
		return body.replaceAll("/my-reports/sign-in/[A-Za-z0-9_-]{43}", "/my-reports/sign-in/TOKEN");
	}

	private Visitor visitor() {
		return new Visitor(this.port);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A delivered mail: its plain-text and HTML parts. */
	private record Mail(MimeMessage message, String subject, String text, String html) {

		static Mail of(MimeMessage message) {
			try {
				MimeMultipart parts = (MimeMultipart) message.getContent();
				assertThat(parts.getContentType()).startsWith("multipart/alternative");
				assertThat(parts.getCount()).isEqualTo(2);
				assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
				assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
				return new Mail(message, message.getSubject(), (String) parts.getBodyPart(0).getContent(),
						(String) parts.getBodyPart(1).getContent());
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * The one link matching the path in the text part, which the HTML part's link (an
		 * {@code href}) must equal.
		 */
		String link(String pathPattern) {
			Pattern pattern = Pattern.compile("http://localhost:\\d+" + pathPattern);
			Matcher inText = pattern.matcher(this.text);
			assertThat(inText.find()).as("the text part has the link").isTrue();
			Matcher inHtml = Pattern.compile("href=\"(" + pattern.pattern() + ")\"").matcher(this.html);
			assertThat(inHtml.find()).as("the HTML part has the link").isTrue();
			assertThat(inHtml.group(1)).isEqualTo(inText.group());
			return inText.group();
		}

		/**
		 * No tracking pixel: nothing the mail program would fetch when the mail opens.
		 */
		void assertNoRemoteContent() {
			assertThat(this.html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<img", "src=", "url(",
					"background=", "<link", "<script", "<iframe", "<object");
		}

	}

}
