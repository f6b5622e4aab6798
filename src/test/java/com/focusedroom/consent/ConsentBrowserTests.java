package com.focusedroom.consent;

import java.time.Duration;

import com.focusedroom.channel.Visitor;
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
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT count(*) FROM mail_outbox
					WHERE recipient = 'browser.reader@example.com' AND kind = 'newsletter_confirmation'
					""").query(Long.class).single()).as("the confirmation mail is queued").isEqualTo(1));
		assertThat(optIn("browser.reader@example.com")).as("pending until the mailed link is confirmed").isFalse();
		this.browser
			.get(url("/newsletter/confirm/" + Visitor.confirmationToken(this.jdbc, "browser.reader@example.com")));
		assertThat(text()).contains("Confirm the FocusedRoom newsletter?");
		assertThat(optIn("browser.reader@example.com")).as("opening the link changes nothing").isFalse();
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitForText("You are subscribed");
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
