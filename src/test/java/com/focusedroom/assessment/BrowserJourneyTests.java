package com.focusedroom.assessment;

import java.util.List;
import java.util.Map;

import com.focusedroom.integrity.IntegrityCheck;
import com.focusedroom.system.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test taken the way a visitor takes it: in a real headless Chromium, against the
 * running app and its embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IntegrityCheck integrity;

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
	void aReturningVisitorInAnotherCaseGetsReportTwoAndKeepsWhatTheyLeftBlank() {
		takeTheTest(Map.of("name", "Ada", "age", "36", "career", "Engineer", "email", "Ada.Browser@Example.com"),
				"MID_CAREER", "FOCUS", 4);
		assertThat(this.browser.getCurrentUrl()).matches(".*/report/[0-9A-Za-z_-]{32,}");
		assertThat(pageText()).contains("Ada, your Big Five report").containsPattern("Report\\s+1\\b");
		String firstReport = this.browser.getCurrentUrl();

		takeTheTest(Map.of("career", "Engineering manager", "email", "  ADA.browser@example.COM "), null, null, 2);
		assertThat(this.browser.getCurrentUrl()).isNotEqualTo(firstReport);
		assertThat(pageText()).containsPattern("Report\\s+2\\b");

		Map<String, Object> customer = this.jdbc
			.sql("SELECT customer_id, name, age, profession, career_stage, purpose FROM customer "
					+ "WHERE email_id = 'ada.browser@example.com'")
			.query()
			.singleRow();
		assertThat(customer).containsEntry("name", "Ada")
			.containsEntry("age", 36)
			.containsEntry("profession", "Engineering manager")
			.containsEntry("career_stage", "mid_career")
			.containsEntry("purpose", "focus");
		List<String> professions = this.jdbc
			.sql("SELECT profession FROM big_five_result WHERE customer_id = ? ORDER BY report_id")
			.param(customer.get("customer_id"))
			.query(String.class)
			.list();
		assertThat(professions).as("each report keeps the demographics it was taken with")
			.containsExactly("Engineer", "Engineering manager");
		assertThat(this.jdbc.sql("SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) > 1")
			.query()
			.listOfRows()).isEmpty();
		assertThat(this.integrity.run().lines()).contains("Report ID Tracking: OK");
	}

	@Test
	void aMistypedEmailComesBackWithTheMessageAtTheFieldAndTheAnswersKept() {
		takeTheTest(Map.of("email", "not-an-email"), null, null, 5);
		assertThat(this.browser.getCurrentUrl()).endsWith("/big-five");
		WebElement email = this.browser.findElement(By.id("email"));
		assertThat(email.getAttribute("value")).isEqualTo("not-an-email");
		assertThat(pageText()).contains("Please check your answers");
		assertThat(this.browser.findElements(By.cssSelector("input[type=radio]:checked"))).hasSize(120);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email_id LIKE 'not-an-email%'")
			.query(Long.class)
			.single()).isZero();
	}

	private void takeTheTest(Map<String, String> fields, String careerStage, String primaryGoal, int answer) {
		this.browser.get("http://localhost:" + this.port + "/big-five");
		fields.forEach((name, value) -> {
			WebElement field = this.browser.findElement(By.name(name));
			field.clear();
			field.sendKeys(value);
		});
		if (careerStage != null) {
			new Select(this.browser.findElement(By.name("careerStage"))).selectByValue(careerStage);
		}
		if (primaryGoal != null) {
			new Select(this.browser.findElement(By.name("primaryGoal"))).selectByValue(primaryGoal);
		}
		for (int i = 0; i < 120; i++) {
			WebElement radio = this.browser
				.findElement(By.cssSelector("input[name='answers[" + i + "]'][value='" + answer + "']"));
			((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
			radio.click();
		}
		// waits for the answer page to replace this one before anyone reads it
		Browser.clickToNextPage(this.browser, this.browser.findElement(By.cssSelector("form button[type=submit]")));
	}

	private String pageText() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

}
