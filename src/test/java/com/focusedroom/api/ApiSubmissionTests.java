package com.focusedroom.api;

import java.util.List;

import com.focusedroom.channel.Visitor;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiSubmissionTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theContractsBodyIsReadWithEveryFieldNormalised() {
		ApiSubmission submission = read(Visitor.apiBody(" Ada@Example.COM ", 4,
				"\"name\":\" Ada \",\"age\":36,\"career\":\"Engineer\",\"careerStage\":\"MID_CAREER\","
						+ "\"primaryGoal\":\"focus\",\"optIn\":true,\"consentVersion\":\"2026-11\","
						+ "\"attribution\":{\"utmSource\":\"app-store\"}"));
		assertThat(submission.email().value()).isEqualTo("ada@example.com");
		assertThat(submission.demographics().name()).isEqualTo("Ada");
		assertThat(submission.demographics().age()).isEqualTo(36);
		assertThat(submission.demographics().careerStage()).isEqualTo(CareerStage.MID_CAREER);
		assertThat(submission.demographics().primaryGoal()).isEqualTo(PrimaryGoal.FOCUS);
		assertThat(submission.newsletter().optIn()).isTrue();
		assertThat(submission.newsletter().shownVersion()).isEqualTo("2026-11");
		assertThat(submission.answers()).hasSize(120).containsOnly(4);
		assertThat(submission.attribution().utmSource()).isEqualTo("app-store");
	}

	@Test
	void optionalFieldsMayBeMissingOrNull() {
		ApiSubmission submission = read(Visitor.apiBody("a@example.com", 3,
				"\"name\":null,\"age\":null,\"careerStage\":null,\"optIn\":null,\"attribution\":null"));
		assertThat(submission.demographics().name()).isNull();
		assertThat(submission.demographics().age()).isNull();
		assertThat(submission.newsletter().optIn()).isFalse();
	}

	@Test
	void numbersAreNeverGuessedFromStringsOrFractions() {
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":\"36\""))).containsExactly("age");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":36.5"))).containsExactly("age");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":1e10"))).containsExactly("age");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, null).replaceFirst("\\[3,", "[3.0,")))
			.containsExactly("answers[0]");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, null).replaceFirst("\\[3,", "[\"3\",")))
			.containsExactly("answers[0]");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, null).replaceFirst("\\[3,", "[null,")))
			.containsExactly("answers[0]");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"optIn\":1"))).containsExactly("optIn");
	}

	@Test
	void everyBadFieldIsReportedAtOnce() {
		assertThat(problems("{\"email\":\"x\",\"age\":200,\"answers\":{},\"attribution\":{\"utmSource\":5}}"))
			.containsExactly("email", "age", "answers", "attribution.utmSource");
	}

	@Test
	void aTooShortOrTooLongAnswerListIsOneProblem() {
		assertThat(problems("{\"email\":\"a@example.com\",\"answers\":[1,2,3]}")).containsExactly("answers");
	}

	@Test
	void tickingTheBoxBelowTheMinimumAgeIsAProblemAtOptIn() {
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":15,\"optIn\":true"))).containsExactly("optIn");
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":15,\"optIn\":false"))).isEmpty();
		assertThat(problems(Visitor.apiBody("a@example.com", 3, "\"age\":16,\"optIn\":true"))).isEmpty();
	}

	private ApiSubmission read(String body) {
		return ApiSubmission.read(this.json.readTree(body), 16, List.of("en", "fr", "pt-br"));
	}

	private List<String> problems(String body) {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class, () -> read(body));
		return (ex != null) ? ex.problems().stream().map(FieldProblem::field).toList() : List.of();
	}

}
