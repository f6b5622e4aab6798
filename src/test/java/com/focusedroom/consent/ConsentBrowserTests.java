package com.focusedroom.consent;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.system.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscribing on the eBook page and unsubscribing by the link, in a real headless
 * Chromium with JavaScript playing no part.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsentBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aReaderSubscribesOnTheEbookPageThenUnsubscribesOnceByTheLink() throws Exception {
		this.browser.get(url("/ebook?utm_source=browser-test"));
		this.browser.findElement(By.id("email")).sendKeys("browser.reader@example.com");
		this.browser.findElement(By.id("optIn1")).click();
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForText("Confirm your age to subscribe");
		assertThat(this.browser.findElement(By.id("email")).getDomProperty("value"))
			.isEqualTo("browser.reader@example.com");
		assertThat(this.browser.findElement(By.id("optIn1")).isSelected()).as("the tick is kept").isTrue();

		this.browser.findElement(By.id("ageConfirmed1")).click();
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		// Double opt-in: the tick is a pending request until the mailed link is confirmed
		// (no SMTP in this test: the mail is in the outbox).
		String confirmation = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> confirmationLink("browser.reader@example.com"), (link) -> link != null);
		assertThat(optIn("browser.reader@example.com")).as("not before the link is confirmed").isFalse();
		this.browser.get(confirmation);
		assertThat(text()).contains("Confirm the FocusedRoom newsletter?");
		assertThat(optIn("browser.reader@example.com")).as("opening the link changes nothing").isFalse();
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the newsletter confirmation");
		Browser.clickToNextPage(this.browser,
				this.browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(text()).contains("You are subscribed");
		waitUntilOptIn("browser.reader@example.com", true);
		assertThat(this.jdbc.sql("""
				SELECT t.utm_source FROM customer_touch t JOIN customer c USING (customer_id)
				WHERE c.email_id = 'browser.reader@example.com'
				""").query(String.class).single()).isEqualTo("browser-test");

		String token = this.jdbc
			.sql("SELECT unsubscribe_token FROM customer WHERE email_id = 'browser.reader@example.com'")
			.query(String.class)
			.single();
		this.browser.get(url("/unsubscribe/" + token));
		assertThat(text()).contains("Stop the FocusedRoom newsletter?");
		assertThat(optIn("browser.reader@example.com")).as("opening the link changes nothing").isTrue();
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForText("You are unsubscribed");
		assertThat(optIn("browser.reader@example.com")).isFalse();

		this.browser.get(url("/unsubscribe/" + token));
		assertThat(text()).contains("You are already unsubscribed");
		assertThat(this.browser.findElements(By.cssSelector("form button[type=submit]"))).isEmpty();
	}

	private void waitUntilOptIn(String email, boolean expected) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
				.param(email)
				.query(Boolean.class)
				.optional()).as("opt_in of %s", email).contains(expected));
	}

	/** The confirmation link of the newsletter mail queued for the address, or null. */
	private String confirmationLink(String email) {
		String body = this.jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'newsletter_confirmation'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).optional().orElse(null);
		if (body == null) {
			return null;
		}
		Matcher link = Pattern.compile("https?://\\S+/newsletter/confirm/[A-Za-z0-9_-]+").matcher(body);
		assertThat(link.find()).as("the mail has the confirmation link").isTrue();
		return link.group();
	}

	private boolean optIn(String email) {
		return this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = ?")
			.param(email)
			.query(Boolean.class)
			.single();
	}

	private void waitForText(String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(By.tagName("body")).getText().contains(text));
	}

	private String text() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
