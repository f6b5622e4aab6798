package com.focusedroom.assessment;

import java.util.Locale;
import java.util.List;
import java.util.Map;

import com.focusedroom.channel.Attribution;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.channel.Channel;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.system.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test and the report in a real headless Chromium: answers kept across a reload, the
 * accessibility check, and a phone-sized screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TestExperienceBrowserTests {

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
	void answersAndChoicesSurviveAReloadAndTheProgressShowsHowFarTheVisitorGot() {
		this.browser = Browser.start();
		open("/big-five");
		assertThat(text("#progress-count")).isEqualTo("0");
		for (int i = 0; i < 10; i++) {
			click(radio(i, 1 + i % 5));
		}
		new Select(this.browser.findElement(By.name("careerStage"))).selectByValue("STUDENT");
		assertThat(text("#progress-count")).isEqualTo("10");

		this.browser.navigate().refresh();

		for (int i = 0; i < 10; i++) {
			assertThat(radio(i, 1 + i % 5).isSelected()).as("answer " + (i + 1) + " after the reload").isTrue();
		}
		assertThat(this.browser.findElements(By.cssSelector("input[type=radio]:checked"))).hasSize(10);
		assertThat(new Select(this.browser.findElement(By.name("careerStage"))).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("STUDENT");
		assertThat(text("#progress-count")).isEqualTo("10");
		assertThat(this.browser.findElement(By.id("progress-next")).getAttribute("href")).endsWith("#item-11");

		open("/big-five?lang=fr");
		assertThat(this.browser.findElements(By.cssSelector("input[type=radio]:checked")))
			.as("kept when switching the language too")
			.hasSize(10);
	}

	@Test
	void theStatementsCanBeAnsweredWithTheKeyboardAlone() {
		this.browser = Browser.start();
		open("/big-five");
		script("arguments[0].focus()", this.browser.findElement(By.id("email")));
		WebElement focused = this.browser.switchTo().activeElement();
		for (int tabs = 0; tabs < 20 && !"radio".equals(focused.getAttribute("type")); tabs++) {
			focused.sendKeys(Keys.TAB);
			focused = this.browser.switchTo().activeElement();
		}
		assertThat(focused.getAttribute("name")).as("Tab from the email field reaches the first statement")
			.isEqualTo("answers[0]");
		focused.sendKeys(Keys.SPACE);
		this.browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
		assertThat(radio(0, 2).isSelected()).as("space chose the first answer, the arrow moved it to the second")
			.isTrue();
		this.browser.switchTo().activeElement().sendKeys(Keys.TAB);
		this.browser.switchTo().activeElement().sendKeys(Keys.SPACE);
		assertThat(radio(1, 1).isSelected()).as("Tab moved on to the second statement").isTrue();
		assertThat(text("#progress-count")).isEqualTo("2");
	}

	@Test
	void theTestPageAndTheReportHaveNoSeriousAccessibilityViolations() {
		this.browser = Browser.start();
		open("/big-five");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the test page");
		open("/big-five?lang=ar");
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "the test page in Arabic");
		open(twoReports());
		Browser.assertNoSeriousAccessibilityViolations(this.browser, "a second report");
	}

	@Test
	void onAPhoneNeitherTheTestNorTheReportScrollsSideways() {
		this.browser = Browser.start(390, 844);
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		open("/big-five");
		assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(390);
		Browser.assertNoHorizontalScroll(this.browser, "the test page");
		open("/big-five?lang=de");
		Browser.assertNoHorizontalScroll(this.browser, "the test page in German");
		open(twoReports());
		Browser.assertNoHorizontalScroll(this.browser, "a second report");
	}

	/**
	 * A second report as its owner sees it: the first was opened in this browser, so the
	 * second shows the change since then.
	 */
	private String twoReports() {
		Demographics demographics = new Demographics("Ada", 34, "Engineer", CareerStage.CAREER_CHANGE,
				PrimaryGoal.CAREER_DIRECTION);
		EmailAddress email = EmailAddress.of("browser-report-" + System.nanoTime() + "@example.com");
		open(this.assessments
			.submit(email, demographics, NewsletterChoice.notTicked(), answers(2, 4), Channel.BIG_FIVE_TEST,
					Attribution.none(), Assessments.Origin.anonymous(Locale.ENGLISH, null))
			.reportUrl());
		return this.assessments
			.submit(email, demographics, NewsletterChoice.notTicked(), answers(4, 2), Channel.BIG_FIVE_TEST,
					Attribution.none(), Assessments.Origin.anonymous(Locale.ENGLISH, null))
			.reportUrl();
	}

	/** Plus-keyed statements answered {@code plus}, minus-keyed ones {@code minus}. */
	private static List<Integer> answers(int plus, int minus) {
		return Inventory.ipipNeo120().items().stream().map((item) -> item.reversed() ? minus : plus).toList();
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private WebElement radio(int index, int value) {
		return this.browser.findElement(By.cssSelector("input[name='answers[" + index + "]'][value='" + value + "']"));
	}

	private void click(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.browser).executeScript(script, args);
	}

}
