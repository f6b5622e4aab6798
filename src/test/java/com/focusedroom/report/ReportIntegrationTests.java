package com.focusedroom.report;

import java.util.Locale;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;
import org.jspecify.annotations.Nullable;
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
	void aFirstReportOpensWithTheSummaryAndShowsLevelsFromTheNormsWithBands() throws Exception {
		Assessments.Submitted report = submit("first@example.com", 36, Protocols.valid(1, Map.of("C", -2.5)));
		String page = page(report.reportUrl());
		assertThat(page).contains("Ada, your", "Report <span>1</span>");
		assertThat(page.indexOf("id=\"summary\"")).as("the summary comes before the details")
			.isPositive()
			.isLessThan(page.indexOf("id=\"reading\""))
			.isLessThan(page.indexOf("id=\"overview\""));
		assertThat(countOf(page, "<svg class=\"chart\"")).as("the overview and one chart per domain").isEqualTo(6);
		assertThat(countOf(page, "class=\"fill ")).as("5 domain bars and 30 facet bars").isEqualTo(35);
		assertThat(countOf(page, "<details class=\"facet-texts\"")).as("facet texts fold away").isEqualTo(5);
		NormedProfile profile = NormedProfile.of(score(report), 36);
		assertThat(profile.of("C").level().coarse()).as("assumption: the protocol is low in C").isEqualTo(Level.LOW);
		assertThat(page).contains(escaped(Explanations.standard().of("C", Level.LOW)))
			.contains("What sets you most apart from people aged 21 to 40")
			.contains("people aged 21 to 40", "mixes women and men in equal parts", "90 % band")
			.contains(profile.of("C").percentile() + Wording.ordinal(profile.of("C").percentile())
				.substring(String.valueOf(profile.of("C").percentile()).length()) + " percentile")
			.contains("Johnson, J. A. (2014)")
			.contains("What this test is not", "not a")
			.doesNotContain("women aged", "men aged");
		String suggestions = storedSuggestions(report);
		assertThat(suggestions.split("\n")).hasSizeBetween(SuggestionRules.LEAST, SuggestionRules.MOST)
			.allSatisfy((line) -> assertThat(page).contains(escaped(line.substring(0, line.indexOf(" (From: ")))))
			.allSatisfy((line) -> assertThat(line).matches(".*; (research: .+|craft advice)\\.\\)$"));
		assertThat(suggestions).contains("your goal: Focus and get more done", "low Conscientiousness");
		assertThat(page).contains("Research-based: ").contains("Craft advice");
		assertThat(page).doesNotContain("Since report").doesNotContain("meaningful change");
		assertThat(page).doesNotContain("id=\"validity\"").doesNotContain("could not be checked");
	}

	@Test
	void withoutAnAgeTheReportComparesWithPeopleOfAllAgesAndSaysSo() throws Exception {
		Assessments.Submitted report = this.assessments.submit(EmailAddress.of("no-age@example.com"),
				Demographics.none(), NewsletterChoice.notTicked(), Protocols.valid(2, Map.of()), Channel.BIG_FIVE_TEST,
				Attribution.none());
		String page = page(report.reportUrl());
		assertThat(page).contains("You did not give your age with this test")
			.contains("people of all ages")
			.doesNotContain("people aged");
	}

	@Test
	void aReturningCustomerSeesWhatChangedSinceTheirPreviousReportAndWhatIsMeaningful() throws Exception {
		List<Integer> before = Protocols.valid(3, Map.of("N", 2.5));
		List<Integer> after = Protocols.valid(4, Map.of("N", -2.5));
		Cookie opened = openedOnThisDevice(submit("returning@example.com", 45, before));
		submit("someone-else@example.com", 45, Protocols.valid(5, Map.of("N", 0.0)));
		Assessments.Submitted second = submit("returning@example.com", 46, after);
		assertThat(second.reportId()).isEqualTo(2);
		String page = page(second.reportUrl(), opened);
		assertThat(page).contains("This is your report <span>2</span>")
			.contains("some of yours are, and they are marked below.")
			.contains("at most 5 times in 100");
		String neuroticism = "Since report 1: " + Math.round(domainScore(before, "N")) + " → "
				+ Math.round(domainScore(after, "N")) + " on the 0-100 scale: a meaningful change down (band ";
		assertThat(page).contains(neuroticism);
		assertThat(countOf(page, "class=\"previous\"")).as("a previous-result mark on every bar").isEqualTo(35);
	}

	@Test
	void someoneWhoOnlyKnowsTheEmailSeesNeitherTheEarlierScoresNorTheStoredAge() throws Exception {
		Cookie ownersDevice = openedOnThisDevice(submit("victim@example.com", 45, Protocols.valid(6, Map.of())));
		Assessments.Submitted intruders = this.assessments.submit(EmailAddress.of("Victim@Example.com"),
				Demographics.none(), NewsletterChoice.notTicked(), Protocols.valid(7, Map.of()), Channel.BIG_FIVE_TEST,
				Attribution.none());
		assertThat(intruders.reportId()).isEqualTo(2);
		String page = page(intruders.reportUrl(), someoneElsesDevice());
		assertThat(page).contains("You have taken the test before")
			.doesNotContain("Since report")
			.doesNotContain("class=\"previous\"")
			.as("the customer's stored age is not used for this report")
			.doesNotContain("people aged 41 to 60")
			.contains("You did not give your age with this test");
		assertThat(pdfText(intruders, someoneElsesDevice())).doesNotContain("Since report");
		assertThat(page(intruders.reportUrl(), ownersDevice)).as("the owner's device, which opened report 1")
			.contains("Since report 1: ");
	}

	@Test
	void answersThatLookCarelessAreSaidToBeSoAtTheTopAndNotInterpreted() throws Exception {
		Assessments.Submitted report = submit("all-threes@example.com", 36, Collections.nCopies(120, 3));
		String page = page(report.reportUrl());
		int banner = page.indexOf("id=\"validity\"");
		assertThat(banner).as("the notice is there").isPositive();
		assertThat(banner).as("at the top, before anything about the scores")
			.isLessThan(page.indexOf("Download as PDF"))
			.isLessThan(page.indexOf("id=\"reading\""));
		assertThat(page)
			.contains("Your answers look careless or hurried", "Take it again when you have 15 quiet minutes",
					"Mostly neutral answers", "Why it matters")
			.doesNotContain("id=\"summary\"")
			.doesNotContain("id=\"suggestions\"")
			.doesNotContain(escaped(Explanations.standard().of("O", Level.AVERAGE)))
			.contains("<details class=\"uninterpreted\">");
		assertThat(storedSuggestions(report)).startsWith(Reports.INVALID_LINE).doesNotContain("\n");
		assertThat(pdfText(report, null)).contains("Your answers look careless or hurried",
				"Take it again when you have 15 quiet minutes");
	}

	@Test
	void veryHighDepressionAnxietyOrVulnerabilityAddsACalmNoteOnSupport() throws Exception {
		List<Integer> distressed = Protocols.valid(8, Map.of("N", 3.0));
		NormedProfile profile = NormedProfile.of(new Scorer(Inventory.ipipNeo120()).score(distressed), 36);
		assertThat(profile.supportNote().shown()).as("assumption: the protocol is very high in N1, N3 or N6").isTrue();
		Assessments.Submitted report = submit("support@example.com", 36, distressed);
		String page = page(report.reportUrl());
		assertThat(page).contains("If things feel heavy at the moment", "not a mental-health assessment")
			.contains(profile.supportNote().veryHigh().get(0).name())
			.doesNotContainIgnoringCase("disorder")
			.doesNotContainIgnoringCase("alarming");
		assertThat(pdfText(report, null)).contains("If things feel heavy at the moment");

		Assessments.Submitted calm = submit("calm@example.com", 36, Protocols.valid(9, Map.of("N", -2.0)));
		assertThat(page(calm.reportUrl())).doesNotContain("If things feel heavy")
			.contains("not a mental-health assessment");
	}

	@Test
	void aResultWithoutStoredAnswersSaysItHasNoCarelessnessCheck() throws Exception {
		Assessments.Submitted report = submit("no-answers@example.com", 36, Protocols.valid(10, Map.of()));
		this.jdbc.sql("UPDATE big_five_result SET answers = NULL, validity = NULL WHERE report_token = ?")
			.param(report.reportUrl().substring("/report/".length()))
			.update();
		assertThat(page(report.reportUrl())).contains("could not be checked for careless answering")
			.contains("id=\"summary\"");
	}

	@Test
	void theDeviceRemembersTheReportsItOpenedButNotUnknownOnes() throws Exception {
		Assessments.Submitted first = submit("device@example.com", 30, Protocols.valid(17, Map.of()));
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
		Cookie opened = openedOnThisDevice(submit("pdf@example.com", 30, Protocols.valid(11, Map.of("E", 2.0))));
		Assessments.Submitted report = submit("pdf@example.com", 31, Protocols.valid(12, Map.of("E", 2.0)));
		MvcTestResult result = this.mvc.get().uri(report.reportUrl() + ".pdf").cookie(opened).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("focusedroom-report-2.pdf");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache, private");
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Ada, your Big Five report", "Report 2", "Openness to Experience",
					"Conscientiousness", "Extraversion", "Agreeableness", "Neuroticism", "Imagination", "Cautiousness",
					"Suggestions for your focus and career", "Since report 1", "people aged 21 to 40", "Your summary",
					"percentile", "90 % band", "What this test is not");
			String firstSuggestion = storedSuggestions(report).split("\n")[0];
			assertThat(text).contains(firstSuggestion.substring(0, 50));
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
			assertThat(inkShare(image)).as("share of the first page that is not white").isGreaterThan(0.02);
		}
	}

	@Test
	void scoresKeptInAnotherFormShowTheSuggestionsAndAreNotComparedWith() throws Exception {
		Assessments.Submitted first = submit("legacy-shape@example.com", 50, Protocols.valid(13, Map.of()));
		this.jdbc.sql("UPDATE big_five_result SET scores = '{\"openness\": 3.5}' WHERE report_token = ?")
			.param(first.reportUrl().substring("/report/".length()))
			.update();
		assertThat(page(first.reportUrl())).contains("kept in another form")
			.contains(escaped(storedSuggestions(first).split("\n")[0]));
		assertThat(this.mvc.get().uri(first.reportUrl() + ".pdf")).hasStatusOk();

		Assessments.Submitted second = submit("legacy-shape@example.com", 50, Protocols.valid(14, Map.of()));
		assertThat(page(second.reportUrl())).contains("Report <span>2</span>")
			.doesNotContain("Since report 1")
			.doesNotContain("This is your report");
	}

	@Test
	void aNameInAnotherScriptDoesNotBreakThePdf() throws Exception {
		Assessments.Submitted report = this.assessments.submit(EmailAddress.of("script@example.com"),
				new Demographics("Zoë 陈 <b>", 28, null, null, null), NewsletterChoice.notTicked(),
				Protocols.valid(15, Map.of()), Channel.BIG_FIVE_TEST, Attribution.none());
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

	private static Scores score(Assessments.Submitted report) {
		return report.scores();
	}

	private static double domainScore(List<Integer> answers, String domain) {
		return new Scorer(Inventory.ipipNeo120()).score(answers)
			.of(com.focusedroom.scoring.Domain.ofCode(domain))
			.score();
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
		return openedOnThisDevice(
				submit("intruder-" + System.nanoTime() + "@example.com", 30, Protocols.valid(16, Map.of())));
	}

	private String pdfText(Assessments.Submitted report, @Nullable Cookie cookie) throws Exception {
		MvcTestResult result = (cookie != null)
				? this.mvc.get().uri(report.reportUrl() + ".pdf").cookie(cookie).exchange()
				: this.mvc.get().uri(report.reportUrl() + ".pdf").exchange();
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
