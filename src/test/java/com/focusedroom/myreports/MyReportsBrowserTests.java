package com.focusedroom.myreports;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.system.Browser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "My reports" the way a customer uses it, in a real headless Chromium against the app
 * with a real SMTP server in the test JVM (GreenMail): take the test twice with one
 * address, ask for the sign-in link, follow it from the delivered mail, see both reports
 * with their dates, open the change between them, download the data, and erase the
 * account with its confirmation step. Afterwards both report links answer 404 and the
 * admin's search no longer finds the customer. Every my-reports page passes the
 * accessibility check.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.mail.delivery.interval=200ms", "focusedroom.mail.per-client-per-hour=1000" })
class MyReportsBrowserTests {

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aCustomerSignsInFromTheMailSeesBothReportsDownloadsTheirDataAndErasesTheAccount() throws Exception {
		String email = "my.reports.browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.browser = Browser.start();
		String first = takeTheTest(email, 0);
		String second = takeTheTest(email, 2);
		assertThat(first).isNotEqualTo(second);

		// Ask for the sign-in link.
		open("/my-reports");
		assertThat(heading()).isEqualTo("My reports");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the sign-in request");
		this.browser.findElement(By.id("email")).sendKeys(email);
		submit(this.browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(heading()).isEqualTo("Check your inbox");
		assertThat(this.browser.findElement(By.id("sent-to")).getText()).as("the address, to spot a typo")
			.isEqualTo(email);
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "check your inbox");

		// Follow it from the delivered mail.
		String link = signInLink(email);
		this.browser.get(link);
		assertThat(heading()).isEqualTo("Sign in to my reports");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the sign-in page");
		submit(this.browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/my-reports");
		assertThat(pageText()).contains("Signed in as " + email);
		this.browser.get(link);
		assertThat(heading()).as("the link works once").isEqualTo("This sign-in link has been used");
		assertThat(pageText()).contains("This browser is still signed in");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "a used sign-in link");
		submit(this.browser.findElement(By.linkText("open My reports")));

		// Both reports, each with its date, page and PDF.
		List<WebElement> rows = this.browser.findElements(By.cssSelector("tr.report-row"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).getText()).startsWith("Report 1");
		assertThat(rows.get(1).getText()).startsWith("Report 2");
		for (WebElement row : rows) {
			WebElement taken = row.findElement(By.tagName("time"));
			assertThat(taken.getAttribute("datetime")).as("a machine-readable date").matches("\\d{4}-\\d{2}-\\d{2}T.*");
			assertThat(taken.getText()).as("a date a person reads")
				.matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC");
		}
		assertThat(rows.get(0).findElement(By.linkText("Report page")).getAttribute("href")).endsWith(first);
		assertThat(rows.get(1).findElement(By.linkText("Report page")).getAttribute("href")).endsWith(second);
		assertThat(rows.get(1).findElement(By.linkText("PDF")).getAttribute("href")).endsWith(second + ".pdf");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "my reports");

		// The change between them: report 2 compared with report 1.
		submit(this.browser.findElement(By.xpath("//button[normalize-space()='Show the change']")));
		assertThat(this.browser.getCurrentUrl()).contains(second).endsWith("?since=1");
		assertThat(pageText()).containsPattern("Report\\s+2\\b")
			.containsPattern("This is your report 2\\. The dark mark on each bar shows your \\w+ in report 1 \\(");

		// Download the data: the same JSON export the admin gets, with both reports.
		open("/my-reports");
		String download = this.browser.findElement(By.id("download-data")).getAttribute("href");
		HttpResponse<String> data = get(download, session());
		assertThat(data.statusCode()).isEqualTo(200);
		assertThat(data.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(data.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment").contains(".json"));
		JsonNode tables = JsonMapper.builder().build().readTree(data.body()).get("tables");
		assertThat(tables.get("customer").get(0).get("email_id").asString()).isEqualTo(email);
		List<Integer> exported = new java.util.ArrayList<>();
		tables.get("big_five_result").forEach((report) -> exported.add(report.get("report_id").asInt()));
		assertThat(exported).as("both reports in the export").containsExactlyInAnyOrder(1, 2);
		assertThat(get(download, null).statusCode()).as("not signed in, nobody gets the data").isEqualTo(303);

		// Erase, with its confirmation step.
		submit(this.browser.findElement(By.id("erase-account")));
		assertThat(heading()).isEqualTo("Erase everything we hold about you?");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the erasure's confirmation");
		submit(this.browser.findElement(By.xpath("//button[normalize-space()='Erase my data']")));
		assertThat(pageText()).as("nothing happens without the box").contains("Tick the box to confirm");
		assertThat(get(url(first), null).statusCode()).isEqualTo(200);
		this.browser.findElement(By.name("confirm")).click();
		submit(this.browser.findElement(By.xpath("//button[normalize-space()='Erase my data']")));
		assertThat(heading()).isEqualTo("Your data is erased");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the erasure done");

		// Afterwards: both report links are gone, and so is the customer in the admin
		// area.
		assertThat(get(url(first), null).statusCode()).isEqualTo(404);
		assertThat(get(url(second), null).statusCode()).isEqualTo(404);
		assertThat(get(url(second + ".pdf"), null).statusCode()).isEqualTo(404);
		open("/my-reports");
		assertThat(pageText()).as("signed out").doesNotContain("Signed in as");

		open("/admin/customers");
		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/login");
		this.browser.findElement(By.id("username")).sendKeys("test-admin");
		this.browser.findElement(By.id("password")).sendKeys("test-admin-password");
		submit(this.browser.findElement(By.cssSelector("form button[type=submit]")));
		WebElement search = this.browser.findElement(By.id("q"));
		search.sendKeys(email);
		submit(search.findElement(By.xpath("./ancestor::form//button[@type='submit']")));
		assertThat(pageText()).contains("No customers match.").doesNotContain(email);
	}

	/** Takes the test in the browser; returns the report's path. */
	private String takeTheTest(String email, int shift) {
		open("/big-five");
		this.browser.findElement(By.name("name")).sendKeys("Ada");
		this.browser.findElement(By.name("email")).sendKeys(email);
		for (int i = 0; i < 120; i++) {
			// Varied answers, so that the careless-answering check has nothing to flag.
			int answer = 1 + (i * 3 + shift + i / 7) % 5;
			WebElement radio = this.browser
				.findElement(By.cssSelector("input[name='answers[" + i + "]'][value='" + answer + "']"));
			((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
			radio.click();
		}
		submit(this.browser.findElement(By.cssSelector("form button[type=submit]")));
		assertThat(this.browser.getCurrentUrl()).matches(".*/report/[0-9A-Za-z_-]{32,}");
		return URI.create(this.browser.getCurrentUrl()).getPath();
	}

	/** The link of the sign-in mail GreenMail received for the address. */
	private static String signInLink(String address) throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> signInMails(address).length > 0);
		MimeMessage[] mails = signInMails(address);
		assertThat(mails).hasSize(1);
		MimeMultipart parts = (MimeMultipart) mails[0].getContent();
		String text = (String) parts.getBodyPart(0).getContent();
		String html = (String) parts.getBodyPart(1).getContent();
		Matcher link = Pattern.compile("http://localhost:\\d+/my-reports/sign-in/[A-Za-z0-9_-]+").matcher(text);
		assertThat(link.find()).as("the plain text has the link").isTrue();
		assertThat(html).as("and so has the HTML").contains(link.group());
		return link.group();
	}

	private static MimeMessage[] signInMails(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return GreenMailUtil.getAddressList(mail.getAllRecipients()).contains(address)
						&& "Your sign-in link for My reports".equals(mail.getSubject());
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	/** What the browser would send as its session cookie, or null. */
	private String session() {
		Cookie session = this.browser.manage().getCookieNamed("JSESSIONID");
		assertThat(session).as("the browser has a session").isNotNull();
		return session.getValue();
	}

	private static HttpResponse<String> get(String address, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address));
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void submit(WebElement element) {
		Browser.clickToNextPage(this.browser, element);
	}

	private void open(String path) {
		this.browser.get(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String heading() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	private String pageText() {
		return this.browser.findElement(By.tagName("body")).getText();
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
