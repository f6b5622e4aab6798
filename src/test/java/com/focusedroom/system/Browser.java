package com.focusedroom.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium for end-to-end tests: the system's {@code chromium} driven
 * through its {@code chromedriver} (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Other locations can be given
 * with the environment variables {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}.
 * <p>
 * Nothing is downloaded at test time (no browser is reachable from Maven Central). Where
 * no browser is installed the browser tests are skipped with a message saying what to
 * install, so {@code ./mvnw verify} works on a fresh machine; with the environment
 * variable {@code BROWSER_TESTS=required} (set by {@code .ci/run}) a missing browser
 * fails them instead, so CI can never pass without running them.
 */
public final class Browser {

	private static final String BINARY = env("CHROMIUM_BINARY", "/usr/bin/chromium");

	private static final String DRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

	private Browser() {
	}

	/** A new headless Chromium with a desktop-sized window. */
	public static ChromeDriver start() {
		return start(1280, 1024);
	}

	/** A new headless Chromium whose window is the given size in CSS pixels. */
	public static ChromeDriver start(int width, int height) {
		requireInstalled(BINARY, "chromium");
		requireInstalled(DRIVER, "chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--force-device-scale-factor=1");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * Clicks an element that leads to another page (a link or a form's button) and waits
	 * until the browser has left the current one: a plain click returns before the next
	 * page has loaded, so the next assertion would otherwise race it.
	 */
	public static void clickToNextPage(WebDriver browser, WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until((driver) -> left(page));
		wait.until((driver) -> "complete"
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Whether the browser has left the page this element was on. While it navigates,
	 * chromedriver may answer "Node with given id does not belong to the document" (an
	 * unknown error, not a stale element) for the old page's elements: gone, too.
	 */
	private static boolean left(WebElement oldPage) {
		try {
			oldPage.getTagName();
			return false;
		}
		catch (WebDriverException ex) {
			return true;
		}
	}

	private static void requireInstalled(String path, String debianPackage) {
		if (Files.isExecutable(Path.of(path))) {
			return;
		}
		String message = path + " not found: install the Debian package " + debianPackage
				+ " (apt-get install -y chromium chromium-driver), as .ci/run does";
		if ("required".equals(System.getenv("BROWSER_TESTS"))) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort("browser test skipped: " + message);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * Fails when axe finds a serious or critical accessibility violation on the page the
	 * browser shows, naming each with up to three of its elements.
	 */
	public static void assertNoSeriousAccessibilityViolations(WebDriver browser, String page) {
		Results results = new AxeBuilder().analyze(browser);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious)
			.as(page + ": "
					+ serious.stream()
						.map((rule) -> rule.getId() + " (" + rule.getImpact() + ") at "
								+ rule.getNodes()
									.stream()
									.limit(3)
									.map((node) -> node.getHtml())
									.collect(Collectors.joining(" | ")))
						.collect(Collectors.joining("; ")))
			.isEmpty();
		assertThat(results.getPasses()).as("axe really ran").isNotEmpty();
	}

	/**
	 * Fails when the page the browser shows is wider than its window (sideways
	 * scrolling).
	 */
	public static void assertNoHorizontalScroll(WebDriver browser, String page) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		long scrollWidth = ((Number) script.executeScript("return document.documentElement.scrollWidth")).longValue();
		long clientWidth = ((Number) script.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scrollWidth).as(page + " is " + scrollWidth + "px wide in a " + clientWidth + "px screen")
			.isLessThanOrEqualTo(clientWidth);
	}

}
