package com.focusedroom.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.system.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A careful test's report in a real headless Chromium, at desktop and at phone width: it
 * opens with the summary, nothing scrolls sideways, and the accessibility check finds no
 * serious violation. With {@code -Dreport.screenshots=true} it also saves what the first
 * screen shows to {@code docs/images/report-desktop.png} and
 * {@code docs/images/report-phone.png} (the README shows them); normal runs leave the
 * files alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportBrowserTests {

	private static final boolean SCREENSHOTS = Boolean.getBoolean("report.screenshots");

	@LocalServerPort
	private int port;

	@Autowired
	private Assessments assessments;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void atDesktopWidthTheReportOpensWithTheSummaryOnTheFirstScreen() throws IOException {
		String report = carefulReport("desktop");
		this.browser = Browser.start(1280, 900);
		open(report);

		assertOpensWithTheSummary("at 1280 px");
		assertThat(bottom(summaryHeading())).as("the summary heading is on the first screen at 1280 px")
			.isLessThanOrEqualTo(innerHeight());
		assertThat(bottom(firstHighlight())).as("and so is the first thing that sets the person apart")
			.isLessThanOrEqualTo(innerHeight());
		Browser.assertNoHorizontalScroll(this.browser, "at 1280 px");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the report at 1280 px");
		screenshot("report-desktop.png");
	}

	@Test
	void onAPhoneTheReportOpensWithTheSummaryAndDoesNotScrollSideways() throws IOException {
		String report = carefulReport("phone");
		this.browser = Browser.start(390, 844);
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		open(report);
		assertThat(number("return window.innerWidth")).isEqualTo(390);

		assertOpensWithTheSummary("at 390 px");
		assertThat(bottom(summaryHeading())).as("the summary heading is on the first screen at 390 px")
			.isLessThanOrEqualTo(innerHeight());
		Browser.assertNoHorizontalScroll(this.browser, "at 390 px");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the report at 390 px");
		screenshot("report-phone.png");
	}

	/**
	 * The first section of the report is the summary: its heading is the page's first
	 * second-level heading and it lies above the traits' overview and every trait.
	 */
	private void assertOpensWithTheSummary(String width) {
		List<WebElement> headings = this.browser.findElements(By.cssSelector("main h2"));
		assertThat(headings).isNotEmpty();
		assertThat(headings.get(0).getText()).as("the first section heading " + width).isEqualTo("Your summary");
		assertThat(this.browser.findElements(By.id("validity"))).as("a careful test is not flagged as careless")
			.isEmpty();
		long summary = top(summaryHeading());
		assertThat(summary).as("the summary above the overview " + width)
			.isLessThan(top(this.browser.findElement(By.id("overview"))));
		List<WebElement> domains = this.browser.findElements(By.cssSelector("section.domain"));
		assertThat(domains).hasSize(5);
		assertThat(summary).as("the summary above the first trait " + width).isLessThan(top(domains.get(0)));
		assertThat(firstHighlight().getText()).as("the summary names what sets this person apart")
			.containsPattern("(?i)(high|low) .+ \\(\\d+(st|nd|rd|th) percentile\\)");
	}

	/**
	 * A careful answer sheet (the scoring tests' latent trait model, one that passes the
	 * careless-answering check) of a person with high Conscientiousness and low
	 * Neuroticism in that model, submitted as a visitor would.
	 */
	private String carefulReport(String who) {
		return this.assessments
			.submit(EmailAddress.of("report-" + who + "-" + System.nanoTime() + "@example.com"),
					new Demographics("Ada", 34, "Engineer", CareerStage.MID_CAREER, PrimaryGoal.FOCUS),
					NewsletterChoice.notTicked(), Protocols.valid(11, Map.of("C", 2.0, "N", -1.5)),
					Channel.BIG_FIVE_TEST, Attribution.none())
			.reportUrl();
	}

	private WebElement summaryHeading() {
		return this.browser.findElement(By.id("summary"));
	}

	private WebElement firstHighlight() {
		return this.browser.findElement(By.cssSelector(".summary .highlights li"));
	}

	private long top(WebElement element) {
		return number("return Math.round(arguments[0].getBoundingClientRect().top + window.scrollY)", element);
	}

	private long bottom(WebElement element) {
		return number("return Math.ceil(arguments[0].getBoundingClientRect().bottom + window.scrollY)", element);
	}

	private long innerHeight() {
		return number("return window.innerHeight");
	}

	/** What the first screen shows, saved for the README when asked for. */
	private void screenshot(String name) throws IOException {
		if (!SCREENSHOTS) {
			return;
		}
		this.browser.executeScript("window.scrollTo(0, 0)");
		Path file = Path.of("docs", "images", name);
		Files.createDirectories(file.getParent());
		Files.write(file, this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private long number(String script, Object... args) {
		return ((Number) this.browser.executeScript(script, args)).longValue();
	}

}
