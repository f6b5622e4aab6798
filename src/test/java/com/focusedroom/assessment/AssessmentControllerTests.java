package com.focusedroom.assessment;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.ConsentText;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.shared.KeyedHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.focusedroom.system.WebSecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@WebMvcTest(AssessmentController.class)
@Import({ WebSecurityConfiguration.class, AssessmentControllerTests.Stamps.class })
class AssessmentControllerTests {

	/** A visitor not signed in, as MockMvc's requests come (English, from 127.0.0.1). */
	private static final Assessments.Origin ANONYMOUS = new Assessments.Origin(null, Locale.ENGLISH, "127.0.0.1");

	@TestConfiguration(proxyBeanMethods = false)
	static class Stamps {

		@Bean
		StartStamps startStamps() {
			return new StartStamps(new KeyedHash(new byte[32]), Clock.systemUTC());
		}

	}

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
	void theTestPageShowsAll120StatementsWithTheFivePointScale() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/big-five").exchange();
		assertThat(result).hasStatusOk();
		String html = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(html).contains("Worry about things", "Make friends easily");
		assertThat(countOf(html, "type=\"radio\"")).isEqualTo(600);
		assertThat(html).contains("name=\"answers[0]\"", "name=\"answers[119]\"")
			.doesNotContain("name=\"answers[120]\"");
		assertThat(html).contains("Very inaccurate", "Very accurate");
	}

	@Test
	void theTestPageAsksForEveryDemographicAndLeavesOptInUnticked() throws Exception {
		String html = this.mvc.get().uri("/big-five").exchange().getResponse().getContentAsString();
		assertThat(html).contains("name=\"name\"", "name=\"age\"", "name=\"career\"", "name=\"careerStage\"",
				"name=\"primaryGoal\"", "name=\"email\"", "name=\"optIn\"");
		String optIn = html.substring(html.indexOf("type=\"checkbox\""));
		optIn = optIn.substring(0, optIn.indexOf('>'));
		assertThat(optIn).doesNotContain("checked");
	}

	@Test
	void aSubmissionWithoutTheFormsCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
		assertThat(this.mvc.post().uri("/big-five").params(completeForm()).exchange()).hasStatus(403);
		then(this.assessments).shouldHaveNoInteractions();
	}

	@Test
	void theTestPageCarriesACsrfTokenAndAStrictContentSecurityPolicy() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/big-five").exchange();
		assertThat(result.getResponse().getContentAsString()).contains("name=\"_csrf\"");
		assertThat(result).headers().hasValue("X-Frame-Options", "DENY").hasValue("X-Content-Type-Options", "nosniff");
		assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void aCompleteTestIsStoredAndAnsweredWithSeeOtherToTheReport() throws Exception {
		given(this.assessments.submit(any(), any(), any(), anyList(), eq(Channel.BIG_FIVE_TEST), any(), any(), any(),
				any()))
			.willReturn(new Assessments.Submitted(7, 1, "/report/abc", null, null, false));
		MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(completeForm()).exchange();
		assertThat(result).hasStatus(303).hasRedirectedUrl("/report/abc");
		then(this.assessments).should()
			.submit(EmailAddress.of("ada@example.com"),
					new Demographics("Ada", 36, "Engineer", CareerStage.MID_CAREER, PrimaryGoal.FOCUS),
					new NewsletterChoice(true, null), List.of(answersOf(3)), Channel.BIG_FIVE_TEST, Attribution.none(),
					ANONYMOUS, "en", null);
	}

	@Test
	void aMissingEmailComesBackWithAMessageAtTheFieldAndTheAnswersKept() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("email", "  ");
		form.set("answers[4]", "5");
		MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).model().extractingBindingResult("assessmentForm").hasFieldErrors("email");
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("Enter your email address", "Please check your answers");
		assertThat(html).containsPattern("<div class=\"field invalid\">\\s*<label for=\"email\">")
			.doesNotContainPattern("<div class=\"field invalid\">\\s*<label for=\"(name|age|career)\">");
		assertThat(html).contains("value=\"Ada\"", "value=\"Engineer\"", "value=\"36\"");
		assertThat(html).containsPattern("<input [^>]*name=\"answers\\[4\\]\" value=\"5\" checked=\"checked\">")
			.doesNotContainPattern("<input [^>]*name=\"answers\\[4\\]\" value=\"[1-4]\" checked");
		then(this.assessments).should(never())
			.submit(any(), any(), any(), anyList(), any(), any(), any(), any(), any());
	}

	@Test
	void oneVisitorsRejectedAnswersNeverShowOnTheNextVisitorsPage() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("email", "not-an-email");
		form.remove("answers[7]");
		String rejected = this.mvc.post()
			.uri("/big-five")
			.with(csrf())
			.params(form)
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(rejected).contains("checked=\"checked\"", "Choose an answer for this statement.");
		String next = this.mvc.get().uri("/big-five").exchange().getResponse().getContentAsString();
		assertThat(next).doesNotContain("checked", "Choose an answer for this statement.", "class=\"item invalid\"",
				"field invalid", "Please check your answers");
		assertThat(countOf(next, "type=\"radio\"")).isEqualTo(600);
	}

	@Test
	void aMalformedEmailIsRejected() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("email", "ada@example");
		assertThat(this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange()).hasStatus(422)
			.model()
			.extractingBindingResult("assessmentForm")
			.hasFieldErrors("email");
	}

	@Test
	void anAgeOutOfRangeOrNotANumberIsRejectedAtTheAgeField() throws Exception {
		for (String age : List.of("7", "121", "-1", "abc", "1e9")) {
			MultiValueMap<String, String> form = completeForm();
			form.set("age", age);
			MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
			assertThat(result).as("age %s", age).hasStatus(422);
			assertThat(result).model().extractingBindingResult("assessmentForm").hasFieldErrors("age");
		}
	}

	@Test
	void eachUnansweredStatementGetsItsOwnMessage() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.remove("answers[10]");
		form.remove("answers[119]");
		MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).model()
			.extractingBindingResult("assessmentForm")
			.hasFieldErrors("answers[10]", "answers[119]");
		assertThat(result.getResponse().getContentAsString()).contains("2 statement(s) need an answer");
	}

	@Test
	void answersOutsideOneToFiveAreRejected() throws Exception {
		for (String answer : List.of("0", "6", "x", "3.5")) {
			MultiValueMap<String, String> form = completeForm();
			form.set("answers[3]", answer);
			MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
			assertThat(result).as("answer %s", answer).hasStatus(422);
			assertThat(result).model().extractingBindingResult("assessmentForm").hasFieldErrors("answers[3]");
		}
	}

	@Test
	void extraAnswersBeyondTheInventoryAreRejectedNotStored() throws Exception {
		for (String index : List.of("120", "255", "5000")) {
			MultiValueMap<String, String> form = completeForm();
			form.set("answers[" + index + "]", "3");
			MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
			assertThat(result.getResponse().getStatus()).as("answers[%s]", index).isIn(400, 422);
		}
		then(this.assessments).should(never())
			.submit(any(), any(), any(), anyList(), any(), any(), any(), any(), any());
	}

	@Test
	void overLongFieldsAndUnknownChoicesAreRejectedAtTheirFields() throws Exception {
		MultiValueMap<String, String> form = completeForm();
		form.set("name", "A".repeat(101));
		form.set("career", "B".repeat(101));
		form.set("careerStage", "ASTRONAUT");
		form.set("primaryGoal", "WORLD_DOMINATION");
		form.set("email", "a".repeat(250) + "@x.com");
		MvcTestResult result = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
		assertThat(result).hasStatus(422);
		assertThat(result).model()
			.extractingBindingResult("assessmentForm")
			.hasFieldErrors("name", "career", "careerStage", "primaryGoal", "email");
	}

	@Test
	void blankDemographicsAreAllowedAndPassedOnAsNotGiven() throws Exception {
		given(this.assessments.submit(any(), any(), any(), anyList(), any(), any(), any(), any(), any()))
			.willReturn(new Assessments.Submitted(7, 2, "/report/abc", null, null, false));
		MultiValueMap<String, String> form = completeForm();
		for (String field : List.of("name", "age", "career", "careerStage", "primaryGoal")) {
			form.set(field, "");
		}
		form.remove("optIn"); // a browser sends nothing for an unticked box
		assertThat(this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange()).hasStatus(303);
		then(this.assessments).should()
			.submit(EmailAddress.of("ada@example.com"), Demographics.none(), new NewsletterChoice(false, null),
					List.of(answersOf(3)), Channel.BIG_FIVE_TEST, Attribution.none(), ANONYMOUS, "en", null);
	}

	static MultiValueMap<String, String> completeForm() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "Ada");
		form.add("age", "36");
		form.add("career", "Engineer");
		form.add("careerStage", "MID_CAREER");
		form.add("primaryGoal", "FOCUS");
		form.add("email", " Ada@Example.com ");
		form.add("optIn", "true");
		for (int i = 0; i < 120; i++) {
			form.add("answers[" + i + "]", "3");
		}
		return form;
	}

	private static Integer[] answersOf(int value) {
		Integer[] answers = new Integer[120];
		java.util.Arrays.fill(answers, value);
		return answers;
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
