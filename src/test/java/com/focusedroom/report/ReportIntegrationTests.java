package com.focusedroom.report;

import java.util.Locale;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.focusedroom.channel.Attribution;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Channel;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import jakarta.servlet.http.Cookie;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as a visitor reads it, from stored tests in the embedded PostgreSQL: page
 * and PDF.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Assessments assessments;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aFirstReportShowsChartsExplanationsPercentilesAndTheStoredSuggestions() throws Exception {
		Assessments.Submitted report = submit("first@example.com", 36, keyed(4, "C", 1));
		String page = page(report.reportUrl());
		assertThat(page).contains("Ada, your", "Report <span>1</span>");
		assertThat(countOf(page, "<svg class=\"chart\"")).as("the overview and one chart per domain").isEqualTo(6);
		assertThat(countOf(page, "class=\"fill ")).as("5 domain bars and 30 facet bars").isEqualTo(35);
		assertThat(page).contains(escaped(Explanations.standard().of("C", com.focusedroom.scoring.Level.LOW)))
			.contains(escaped(Explanations.standard().of("C5", com.focusedroom.scoring.Level.LOW)));
		assertThat(page).contains("women aged 21 to 40", "men aged 21 to 40", "Percentile among")
			.contains("Johnson, J. A. (2014)");
		String suggestions = storedSuggestions(report);
		assertThat(suggestions.split("\n")).hasSizeBetween(SuggestionRules.LEAST, SuggestionRules.MOST)
			.allSatisfy((line) -> assertThat(page).contains(escaped(line)));
		assertThat(suggestions).contains("your goal: Focus and get more done", "low Conscientiousness");
		assertThat(page).doesNotContain("Since report").doesNotContain("meaningful change");
	}

	@Test
	void withoutAnAgeTheReportSaysWhatTheNumbersMeanInsteadOfPercentiles() throws Exception {
		Assessments.Submitted report = this.assessments.submit(EmailAddress.of("no-age@example.com"),
				Demographics.none(), NewsletterChoice.notTicked(), keyed(3, "O", 3), Channel.BIG_FIVE_TEST,
				Attribution.none(), Assessments.Origin.anonymous(Locale.ENGLISH, null));
		String page = page(report.reportUrl());
		assertThat(page).contains("You did not give your age with this test")
			.doesNotContain("Percentile among")
			.contains("Each score runs from 0");
	}

	@Test
	void aReturningCustomerSeesWhatChangedSinceTheirPreviousReportAndWhatIsMeaningful() throws Exception {
		Cookie opened = openedOnThisDevice(submit("returning@example.com", 45, keyed(3, "N", 5)));
		submit("someone-else@example.com", 45, keyed(1, "N", 1));
		Assessments.Submitted second = submit("returning@example.com", 46, keyed(3, "N", 1));
		assertThat(second.reportId()).isEqualTo(2);
		String page = page(second.reportUrl(), opened);
		assertThat(page).contains("This is your report <span>2</span>")
			.contains("some of yours are, and they are marked below.");
		assertThat(page).contains("Since report 1: 100 → 0, a meaningful change down.")
			.as("an unchanged domain is within the margin of error")
			.contains("Since report 1: 50 → 50, within the margin of error (about the same).");
		assertThat(countOf(page, "class=\"previous\"")).as("a previous-score mark on every bar").isEqualTo(35);
		assertThat(page).as("never another customer's scores").doesNotContain("Since report 1: 0 → 0");
	}

	@Test
	void someoneWhoOnlyKnowsTheEmailSeesNeitherTheEarlierScoresNorTheStoredAge() throws Exception {
		Cookie ownersDevice = openedOnThisDevice(submit("victim@example.com", 45, keyed(3, "N", 5)));
		Assessments.Submitted intruders = this.assessments.submit(EmailAddress.of("Victim@Example.com"),
				Demographics.none(), NewsletterChoice.notTicked(), keyed(3, "N", 1), Channel.BIG_FIVE_TEST,
				Attribution.none(), Assessments.Origin.anonymous(Locale.ENGLISH, null));
		assertThat(intruders.reportId()).isEqualTo(2);
		String page = page(intruders.reportUrl(), someoneElsesDevice());
		assertThat(page).contains("You have taken the test before")
			.doesNotContain("Since report")
			.doesNotContain("class=\"previous\"")
			.as("the customer's stored age is not used for this report")
			.doesNotContain("Percentile among")
			.contains("You did not give your age with this test");
		assertThat(pdfText(intruders, someoneElsesDevice())).doesNotContain("Since report");
		assertThat(page(intruders.reportUrl(), ownersDevice)).as("the owner's device, which opened report 1")
			.contains("Since report 1: 100 → 0");
	}

	@Test
	void theDeviceRemembersTheReportsItOpenedButNotUnknownOnes() throws Exception {
		Assessments.Submitted first = submit("device@example.com", 30, keyed(3, "E", 5));
		Cookie opened = openedOnThisDevice(first);
		assertThat(opened.getValue()).isEqualTo(first.reportUrl().substring("/report/".length()));
		assertThat(opened.isHttpOnly()).isTrue();
		assertThat(opened.getPath()).isEqualTo("/report");
		MvcTestResult unknown = this.mvc.get().uri("/report/" + "b".repeat(64)).cookie(opened).exchange();
		assertThat(unknown).hasStatus(404);
		assertThat(unknown.getResponse().getCookie(OpenedReports.COOKIE)).isNull();
	}

	@Test
	void thePdfShowsTheSameReportAndIsNotBlank() throws Exception {
		Cookie opened = openedOnThisDevice(submit("pdf@example.com", 30, keyed(3, "E", 5)));
		Assessments.Submitted report = submit("pdf@example.com", 31, keyed(2, "E", 5));
		MvcTestResult result = this.mvc.get().uri(report.reportUrl() + ".pdf").cookie(opened).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("focusedroom-report-2.pdf");
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Ada, your Big Five report", "Report 2", "Openness to Experience",
					"Conscientiousness", "Extraversion", "Agreeableness", "Neuroticism", "Imagination", "Cautiousness",
					"Suggestions for your focus and career", "Since report 1", "women aged 21 to 40");
			String firstSuggestion = storedSuggestions(report).split("\n")[0];
			assertThat(text).contains(firstSuggestion.substring(0, 50));
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
			assertThat(inkShare(image)).as("share of the first page that is not white").isGreaterThan(0.02);
		}
	}

	@Test
	void scoresKeptInAnotherFormShowTheSuggestionsAndAreNotComparedWith() throws Exception {
		Assessments.Submitted first = submit("legacy-shape@example.com", 50, keyed(3, "O", 4));
		this.jdbc.sql("UPDATE big_five_result SET scores = '{\"openness\": 3.5}' WHERE report_token = ?")
			.param(first.reportUrl().substring("/report/".length()))
			.update();
		assertThat(page(first.reportUrl())).contains("kept in another form")
			.contains(escaped(storedSuggestions(first).split("\n")[0]));
		assertThat(this.mvc.get().uri(first.reportUrl() + ".pdf")).hasStatusOk();

		Assessments.Submitted second = submit("legacy-shape@example.com", 50, keyed(3, "O", 2));
		assertThat(page(second.reportUrl())).contains("Report <span>2</span>")
			.doesNotContain("Since report 1")
			.doesNotContain("This is your report");
	}

	@Test
	void aNameInAnotherScriptDoesNotBreakThePdf() throws Exception {
		Assessments.Submitted report = this.assessments.submit(EmailAddress.of("script@example.com"),
				new Demographics("Zoë 陈 <b>", 28, null, null, null), NewsletterChoice.notTicked(), keyed(3, "A", 4),
				Channel.BIG_FIVE_TEST, Attribution.none(), Assessments.Origin.anonymous(Locale.ENGLISH, null));
		MvcTestResult result = this.mvc.get().uri(report.reportUrl() + ".pdf").exchange();
		assertThat(result).hasStatusOk();
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Zoë", "your Big Five report");
		}
	}

	@Test
	void anUnknownTokenHasNeitherPageNorPdf() {
		assertThat(this.mvc.get().uri("/report/" + "a".repeat(64))).hasStatus(404);
		assertThat(this.mvc.get().uri("/report/" + "a".repeat(64) + ".pdf")).hasStatus(404);
	}

	private Assessments.Submitted submit(String email, int age, List<Integer> answers) {
		return this.assessments.submit(EmailAddress.of(email),
				new Demographics("Ada", age, "Engineer", CareerStage.MID_CAREER, PrimaryGoal.FOCUS),
				NewsletterChoice.notTicked(), answers, Channel.BIG_FIVE_TEST, Attribution.none(),
				Assessments.Origin.anonymous(Locale.ENGLISH, null));
	}

	/**
	 * Answers that give every facet the keyed score {@code all}, except the facets of one
	 * domain, which get {@code value}.
	 */
	private static List<Integer> keyed(int all, String domain, int value) {
		return Inventory.ipipNeo120().items().stream().map((Item item) -> {
			int keyed = item.facet().domain().code().equals(domain) ? value : all;
			return item.reversed() ? 6 - keyed : keyed;
		}).toList();
	}

	private String page(String url, Cookie... cookies) throws Exception {
		MvcTestResult result = (cookies.length > 0) ? this.mvc.get().uri(url).cookie(cookies).exchange()
				: this.mvc.get().uri(url).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** Opens a report as its owner would after the test; the cookie the device keeps. */
	private Cookie openedOnThisDevice(Assessments.Submitted report) {
		MvcTestResult result = this.mvc.get().uri(report.reportUrl()).exchange();
		assertThat(result).hasStatusOk();
		Cookie cookie = result.getResponse().getCookie(OpenedReports.COOKIE);
		assertThat(cookie).as("the device remembers the report").isNotNull();
		return cookie;
	}

	/** A device that has opened a report of its own, not the one compared with. */
	private Cookie someoneElsesDevice() {
		return openedOnThisDevice(submit("intruder-" + System.nanoTime() + "@example.com", 30, keyed(3, "O", 3)));
	}

	private String pdfText(Assessments.Submitted report, Cookie cookie) throws Exception {
		MvcTestResult result = this.mvc.get().uri(report.reportUrl() + ".pdf").cookie(cookie).exchange();
		assertThat(result).hasStatusOk();
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
	}

	private String storedSuggestions(Assessments.Submitted report) {
		return this.jdbc.sql("SELECT suggestions FROM big_five_result WHERE report_token = ?")
			.param(report.reportUrl().substring("/report/".length()))
			.query(String.class)
			.single();
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static int countOf(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static double inkShare(BufferedImage image) {
		long ink = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
					ink++;
				}
			}
		}
		return (double) ink / ((long) image.getWidth() * image.getHeight());
	}

}
