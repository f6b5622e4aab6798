package com.focusedroom.assessment;

import java.nio.charset.StandardCharsets;

import com.focusedroom.consent.ConsentText;
import com.focusedroom.consent.Consents;
import com.focusedroom.system.WebSecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The statements in the visitor's language, and the page's aids for answering.
 */
@WebMvcTest(AssessmentController.class)
@Import({ WebSecurityConfiguration.class, AssessmentControllerTests.Stamps.class })
class TestLanguageTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private Assessments assessments;

	@MockitoBean
	private Consents consents;

	@BeforeEach
	void currentConsentText() {
		given(this.consents.currentNewsletterText())
			.willReturn(new ConsentText(1, "newsletter", "2026-11", "Yes, email me the newsletter."));
		given(this.consents.ageRule()).willReturn("You must be 16 or older to subscribe (GDPR Art. 8).");
	}

	@Test
	void aGermanBrowserGetsTheStatementsInGermanAndTheSwitcherOffersTheOthers() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/big-five").header("Accept-Language", "de-DE,de;q=0.9").exchange();
		String html = html(result);
		assertThat(html).contains("Ich mache mir oft Sorgen", "Sehr unzutreffend").doesNotContain("Worry about things");
		assertThat(html).contains("<ol class=\"items\" lang=\"de\" dir=\"ltr\">");
		// As the browser shows it: names in other scripts are sent as character
		// references.
		assertThat(HtmlUtils.htmlUnescape(html))
			.contains("value=\"de\" selected=\"selected\">Deutsch · German</option>")
			.contains("value=\"en\">English</option>")
			.contains("value=\"ja\">日本語 · Japanese</option>");
		assertThat(result.getResponse().getHeaders("Vary")).contains("Accept-Language");
	}

	@Test
	void theSwitcherWorksWithoutJavaScriptThroughAPlainLink() throws Exception {
		String html = html(this.mvc.get().uri("/big-five?lang=he").header("Accept-Language", "de").exchange());
		assertThat(html).contains("lang=\"he\" dir=\"rtl\"")
			.contains("<input type=\"hidden\" name=\"lang\" value=\"he\">");
		assertThat(html).contains("<form class=\"language\" method=\"get\" action=\"/big-five\">");
	}

	@Test
	void rejectedAnswersComeBackInTheLanguageTheyWereGivenIn() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/big-five")
			.param("lang", "fr")
			.param("email", "not-an-email")
			.param("answers[0]", "4")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus(422);
		assertThat(html(result)).contains("lang=\"fr\"").contains("Fortement en désaccord");
		then(this.assessments).shouldHaveNoInteractions();
	}

	@Test
	void theProgressAndSavedAnswersComeFromAScriptFileSoThePageWorksWithoutIt() throws Exception {
		String html = html(this.mvc.get().uri("/big-five").exchange());
		assertThat(html).contains("<script src=\"/js/test.js\" defer></script>")
			.contains("data-autosave=\"focusedroom.big-five.v1\"")
			.contains("<div class=\"progress\" id=\"progress\" hidden>");
		assertThat(html).doesNotContain("<style").doesNotContain(" style=\"");
		assertThat(countOf(html, "<legend><span class=\"number\">")).as("one fieldset with a legend per statement")
			.isEqualTo(120);
		assertThat(countOf(html, "<label><input type=\"radio\"")).as("each answer inside its label").isEqualTo(600);
	}

	private static String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static int countOf(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
