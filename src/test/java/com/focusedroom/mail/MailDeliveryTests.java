package com.focusedroom.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Delivery against a real SMTP server in the test JVM (GreenMail), never a mock of
 * JavaMailSender.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.mail.delivery.interval=200ms", "focusedroom.mail.delivery.first-retry=300ms",
				"focusedroom.mail.delivery.max-retry=1s", "focusedroom.mail.per-recipient-per-hour=100",
				"focusedroom.mail.per-client-per-hour=1000" })
class MailDeliveryTests {

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

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

	@BeforeEach
	void emptyMailboxes() throws Exception {
		if (!smtp.isRunning()) {
			smtp.start();
		}
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void aTestSubmittedThroughTheApiIsMailedWithAWorkingLinkInBothParts() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/big-five"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(Visitor.apiBody("mail.reader@example.com", 3, "\"name\":\"Ada\"")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(201);
		MimeMessage mail = awaitOneMailTo("mail.reader@example.com");
		assertThat(mail.getSubject()).isEqualTo("Your FocusedRoom report 1");
		assertThat(mail.getFrom()[0].toString()).contains("FocusedRoom").contains("reports@focusedroom.example");
		assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@focusedroom\\.example>");
		assertThat(mail.getHeader("List-Unsubscribe")).isNull();
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		String text = (String) parts.getBodyPart(0).getContent();
		String html = (String) parts.getBodyPart(1).getContent();
		assertThat(html).doesNotContain("<img").doesNotContain("<script");
		Matcher link = Pattern.compile("http://localhost:\\d+/report/[0-9a-f]{64}").matcher(text);
		assertThat(link.find()).isTrue();
		assertThat(html).contains(link.group());
		HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("Ada");
	}

	@Test
	void newsletterTypeMailCarriesItsOneClickUnsubscribe() throws Exception {
		this.outbox.post(new Letter(LetterKind.NEWSLETTER_CONFIRMATION, "mail.subscriber@example.com", null,
				Locale.ENGLISH, Map.of("name", "", "confirmUrl", "https://focusedroom.example/c/1", "unsubscribeUrl",
						"https://focusedroom.example/api/v1/unsubscribe/x"),
				null));
		MimeMessage mail = awaitOneMailTo("mail.subscriber@example.com");
		assertThat(mail.getHeader("List-Unsubscribe"))
			.containsExactly("<https://focusedroom.example/api/v1/unsubscribe/x>");
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
	}

	@Test
	void mailQueuedWhileTheServerIsDownIsNeverGivenUpAndIsDeliveredWhenItIsBack() throws Exception {
		smtp.stop();
		this.outbox.post(report("mail.patient@example.com"));
		// Each attempt against the stopped server moves the next attempt: wait for more
		// attempts than max-tries (8) allows a message the server answers.
		Set<OffsetDateTime> attempts = new HashSet<>();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> attempts.add(this.jdbc
				.sql("SELECT next_attempt_at FROM mail_outbox WHERE recipient = 'mail.patient@example.com'")
				.query(OffsetDateTime.class)
				.single()) && attempts.size() > 8 + 1);
		assertThat(state("mail.patient@example.com")).isEqualTo("queued");
		assertThat(this.jdbc
			.sql("SELECT tries || ' ' || last_error FROM mail_outbox WHERE recipient = 'mail.patient@example.com'")
			.query(String.class)
			.single()).as("a server that cannot be reached costs no try").startsWith("0 MailConnectException");
		smtp.start();
		awaitOneMailTo("mail.patient@example.com");
		await().atMost(Duration.ofSeconds(10)).until(() -> state("mail.patient@example.com").equals("sent"));
	}

	@Test
	void theEbookLinkGoesByMailAndThePageDoesNotShowIt() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base() + "/ebook")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String cookie = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.map((c) -> c.split(";", 2)[0])
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
		HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base() + "/ebook"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers
				.ofString("email=mail.reader.ebook%40example.com&name=Bo&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/ebook/sent");
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/ebook/sent")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Check your inbox").doesNotContain("/ebook/download/");
		MimeMessage mail = awaitOneMailTo("mail.reader.ebook@example.com");
		Matcher link = Pattern.compile("http://localhost:\\d+/ebook/download/[0-9a-f]{64}")
			.matcher(GreenMailUtil.getBody(mail));
		assertThat(link.find()).isTrue();
		HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(link.group())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(Arrays.copyOf(pdf.body(), 5))).isEqualTo("%PDF-");
	}

	private MimeMessage awaitOneMailTo(String address) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).length > 0);
		MimeMessage[] received = mailsTo(address);
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static MimeMessage[] mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	private String state(String address) {
		return this.jdbc.sql("SELECT state FROM mail_outbox WHERE recipient = ?")
			.param(address)
			.query(String.class)
			.single();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static Letter report(String address) {
		return new Letter(LetterKind.REPORT, address, null, Locale.ENGLISH,
				Map.of("name", "Ada", "reportNumber", 1, "reportUrl", "https://focusedroom.example/report/abc"), null);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
