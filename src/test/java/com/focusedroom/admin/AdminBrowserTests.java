package com.focusedroom.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.focusedroom.system.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's GDPR request end to end, in a real headless Chromium: log in, find the
 * customer by an email typed in another case, open their second report, export the
 * customers as CSV, erase the customer, and see the integrity page still green.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = AdminTestContext.PROPERTY)
class AdminBrowserTests {

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
	void anAdminFindsACustomerOpensTheSecondReportExportsAndErasesThem() throws Exception {
		String local = "grace.browser-" + UUID.randomUUID().toString().substring(0, 6);
		String email = local + "@example.com";
		long id = Fixtures.customer(this.jdbc, email, "Grace <script>x</script>", "=cmd|' /C calc'!A0", "senior", 1,
				true);
		Fixtures.report(this.jdbc, id, 40, 50, 60, 70, 30);
		String second = Fixtures.report(this.jdbc, id, 45, 50, 60, 70, 30);

		this.browser.get(url("/admin/customers"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/login");
		this.browser.findElement(By.id("username")).sendKeys("test-admin");
		this.browser.findElement(By.id("password")).sendKeys("test-admin-password");
		Browser.clickToNextPage(this.browser, this.browser.findElement(By.cssSelector("form button[type=submit]")));
		assertThat(this.browser.getCurrentUrl()).contains("/admin/customers");

		WebElement search = this.browser.findElement(By.id("q"));
		search.sendKeys("  " + local.toUpperCase() + "@Example.COM ");
		Browser.clickToNextPage(this.browser, search.findElement(By.xpath("./ancestor::form//button[@type='submit']")));
		assertThat(pageText()).contains("1–1 of 1 customers");
		Browser.clickToNextPage(this.browser, this.browser.findElement(By.linkText(email)));
		assertThat(pageText()).contains("Customer " + id, "Grace <script>x</script>", "(+5)");

		Browser.clickToNextPage(this.browser, this.browser.findElement(By.linkText("Report 2")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/report/" + second);
		assertThat(pageText()).containsPattern("Report\\s+2\\b");

		this.browser.get(url("/admin/customers?q=" + local));
		WebElement exportButton = this.browser.findElement(By.id("export-csv"));
		String exportUrl = exportButton.findElement(By.xpath("./ancestor::form")).getAttribute("action") + "?q="
				+ local;
		String csv = get(exportUrl);
		assertThat(csv).startsWith("customer_id,email,")
			.contains("\"" + email + "\"", "\"Grace <script>x</script>\"", "\"'=cmd|' /C calc'!A0\"");

		this.browser.get(url("/admin/customers/" + id));
		Browser.clickToNextPage(this.browser, this.browser.findElement(By.id("erase")));
		Browser.clickToNextPage(this.browser, this.browser.findElement(By.id("confirm-erase")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/customers");
		assertThat(pageText()).contains("Customer " + id + " was erased.");
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", id)).isZero();

		Browser.clickToNextPage(this.browser, this.browser.findElement(By.linkText("Integrity")));
		assertThat(this.browser.findElement(By.id("integrity-status")).getText()).isEqualTo("All checks pass.");
		assertThat(pageText()).contains("Report ID Tracking: OK");

		Browser.clickToNextPage(this.browser, this.browser.findElement(By.cssSelector("header form button")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/login?logout");
		this.browser.get(url("/admin"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/admin/login");
	}

	/** The CSV as the logged-in browser would download it, with its session cookie. */
	private String get(String address) throws Exception {
		Cookie session = this.browser.manage().getCookieNamed("JSESSIONID");
		HttpRequest request = HttpRequest.newBuilder(URI.create(address))
			.header("Cookie", "JSESSIONID=" + session.getValue())
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		return response.body();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String pageText() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

}
