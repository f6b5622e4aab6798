package com.focusedroom.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile app's API driven end to end over real HTTP with the contract's JSON.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BigFiveApiTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theItemsAreTheInventoryInOrderWithItsScaleAndTheConsentText() throws Exception {
		HttpResponse<String> response = visitor().get("/api/v1/big-five/items");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("inventory").asString()).isEqualTo("ipip-neo-120");
		assertThat(body.path("items").size()).isEqualTo(120);
		assertThat(body.path("items").get(0).path("position").asInt()).isEqualTo(1);
		assertThat(body.path("items").get(0).path("text").asString()).isEqualTo("Worry about things");
		assertThat(body.path("items").get(119).path("position").asInt()).isEqualTo(120);
		assertThat(body.path("scale").size()).isEqualTo(5);
		assertThat(body.path("scale").get(0).path("value").asInt()).isEqualTo(1);
		assertThat(body.path("scale").get(4).path("label").asString()).isEqualTo("Very accurate");
		assertThat(body.path("newsletterConsent").path("version").asString()).isEqualTo("2026-11");
		assertThat(body.path("newsletterConsent").path("minimumAge").asInt()).isEqualTo(16);
	}

	@Test
	void aNewCustomerGets201WithTheirIdReportOneItsUrlAndTheScores() throws Exception {
		HttpResponse<String> response = submit(contractBody("App.User@Example.com ", 36, true, 4));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = this.json.readTree(response.body());
		long customerId = this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = 'app.user@example.com'")
			.query(Long.class)
			.single();
		assertThat(body.path("customerId").asLong()).isEqualTo(customerId);
		assertThat(body.path("reportId").asInt()).isEqualTo(1);
		String reportUrl = body.path("reportUrl").asString();
		assertThat(reportUrl).matches("http://localhost:" + this.port + "/report/[0-9a-f]{64}");
		assertThat(response.headers().firstValue("Location")).hasValue(reportUrl);
		for (String domain : List.of("O", "C", "E", "A", "N")) {
			assertThat(body.path("scores").path(domain).isNumber()).as(domain).isTrue();
			assertThat(body.path("scores").path(domain).asDouble()).isBetween(0.0, 100.0);
		}
		assertThat(body.path("scores").path("facets").size()).isEqualTo(30);
		Map<String, Object> stored = this.jdbc
			.sql("SELECT scores->>'N' AS n, channel_id FROM big_five_result WHERE customer_id = ? AND report_id = 1")
			.param(customerId)
			.query()
			.singleRow();
		assertThat(Double.parseDouble(stored.get("n").toString())).isEqualTo(body.path("scores").path("N").asDouble());
		assertThat(stored).containsEntry("channel_id", 3);
		Map<String, Object> customer = this.jdbc
			.sql("SELECT channel_id, opt_in, name, age, profession, career_stage, purpose FROM customer"
					+ " WHERE customer_id = ?")
			.param(customerId)
			.query()
			.singleRow();
		assertThat(customer).containsEntry("channel_id", 3)
			.as("a ticked box is pending until the mailed link is confirmed (double opt-in)")
			.containsEntry("opt_in", false)
			.containsEntry("name", "Ada")
			.containsEntry("age", 36)
			.containsEntry("profession", "Engineer")
			.containsEntry("career_stage", "mid_career")
			.containsEntry("purpose", "focus");
		assertThat(visitor().get(reportUrl.substring(reportUrl.indexOf("/report/"))).statusCode()).isEqualTo(200);
	}

	@Test
	void aReturningCustomerGetsTheNextReportNumberAndKeepsTheFirstChannel() throws Exception {
		assertThat(visitor().submitForm("/big-five", "/big-five", Visitor.testForm("returning.app@example.com", 3))
			.statusCode()).isEqualTo(303);
		HttpResponse<String> second = submit(Visitor.apiBody("RETURNING.app@example.com", 2, null));
		HttpResponse<String> third = submit(Visitor.apiBody("returning.app@example.com", 5, null));
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(second.body()).path("reportId").asInt()).isEqualTo(2);
		assertThat(this.json.readTree(third.body()).path("reportId").asInt()).isEqualTo(3);
		assertThat(this.json.readTree(third.body()).path("customerId").asLong())
			.isEqualTo(this.json.readTree(second.body()).path("customerId").asLong());
		assertThat(this.jdbc.sql("SELECT channel_id FROM customer WHERE email_id = 'returning.app@example.com'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void malformedJsonIsA400Problem() throws Exception {
		for (String body : List.of("{\"email\": ", "not json", "{\"email\":\"a@b.co\",}")) {
			HttpResponse<String> response = submit(body);
			assertThat(response.statusCode()).as("body %s", body).isEqualTo(400);
			assertThat(assertProblem(response, 400).path("detail").asString())
				.isEqualTo("The request body is not valid JSON.");
		}
		HttpResponse<String> empty = submit("");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(assertProblem(empty, 400).path("detail").asString())
			.isEqualTo("The request body is missing: send the test as a JSON object.");
	}

	@Test
	void wrongTypesAreA422ProblemNamingEveryBadField() throws Exception {
		String body = Visitor
			.apiBody("types@example.com", 3, "\"age\":\"36\",\"optIn\":\"yes\",\"name\":42,\"careerStage\":true")
			.replaceFirst("\\[3,3,", "[3.5,\"3\",");
		HttpResponse<String> response = submit(body);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(fields(assertProblem(response, 422))).containsExactlyInAnyOrder("age", "optIn", "name",
				"careerStage", "answers[0]", "answers[1]");
		assertThat(count("customer WHERE email_id = 'types@example.com'")).isZero();
	}

	@Test
	void missingFieldsAreA422ProblemNamingThem() throws Exception {
		HttpResponse<String> response = submit("{\"name\":\"Ada\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = assertProblem(response, 422);
		assertThat(fields(problem)).containsExactlyInAnyOrder("email", "answers");
		assertThat(problem.path("detail").asString()).isEqualTo("Invalid field(s): email, answers.");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("This field is required.");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/big-five");
	}

	@Test
	void a121stAnswerIsA422ProblemAtTheAnswers() throws Exception {
		String body = Visitor.apiBody("too.many@example.com", 3, null).replace("[3,", "[3,3,");
		HttpResponse<String> response = submit(body);
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = assertProblem(response, 422);
		assertThat(fields(problem)).containsExactly("answers");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("exactly 120", "got 121");
		assertThat(count("customer WHERE email_id = 'too.many@example.com'")).isZero();
	}

	@Test
	void answersAndAgesOutOfRangeAndUnknownChoicesAreNamed() throws Exception {
		String body = Visitor
			.apiBody("range@example.com", 3,
					"\"age\":7,\"primaryGoal\":\"world_domination\",\"career\":\"" + "x".repeat(101) + "\"")
			.replaceFirst("\\[3,3,3,", "[0,6,-1,");
		HttpResponse<String> response = submit(body);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(fields(assertProblem(response, 422))).containsExactlyInAnyOrder("age", "primaryGoal", "career",
				"answers[0]", "answers[1]", "answers[2]");
	}

	@Test
	void aBadEmailIsNamed() throws Exception {
		HttpResponse<String> response = submit(Visitor.apiBody("not-an-email", 3, null));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(fields(assertProblem(response, 422))).containsExactly("email");
	}

	@Test
	void aBodyThatIsNotAnObjectIsA422Problem() throws Exception {
		for (String body : List.of("[]", "42", "\"text\"", "null")) {
			HttpResponse<String> response = submit(body);
			assertThat(response.statusCode()).as("body %s", body).isIn(400, 422);
			assertProblem(response, response.statusCode());
		}
	}

	@Test
	void anOversizedBodyIsA413Problem() throws Exception {
		String padding = "\"padding\":\"" + "x".repeat(100 * 1024) + "\"";
		HttpResponse<String> response = submit(Visitor.apiBody("big@example.com", 3, padding));
		assertThat(response.statusCode()).isEqualTo(413);
		assertTooLarge(assertProblem(response, 413));
		assertThat(count("customer WHERE email_id = 'big@example.com'")).isZero();
	}

	@Test
	void anOversizedBodySentWithoutALengthIsA413ProblemToo() throws Exception {
		String padding = "\"padding\":\"" + "x".repeat(100 * 1024) + "\"";
		byte[] body = Visitor.apiBody("chunked@example.com", 3, padding).getBytes();
		HttpResponse<String> response = visitor().send(visitor().request("/api/v1/big-five")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
		assertThat(response.statusCode()).isEqualTo(413);
		assertTooLarge(assertProblem(response, 413));
		assertThat(count("customer WHERE email_id = 'chunked@example.com'")).isZero();
	}

	private static void assertTooLarge(JsonNode problem) {
		assertThat(problem.path("detail").asString())
			.isEqualTo("The request body is larger than the 65536 bytes the API accepts.");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/big-five");
	}

	@Test
	void aWrongContentTypeIsA415Problem() throws Exception {
		HttpResponse<String> response = visitor().post("/api/v1/big-five", "text/plain",
				Visitor.apiBody("type@example.com", 3, null));
		assertThat(response.statusCode()).isEqualTo(415);
		assertProblem(response, 415);
		HttpResponse<String> form = visitor().post("/api/v1/big-five", "application/x-www-form-urlencoded",
				"email=form%40example.com");
		assertThat(form.statusCode()).isEqualTo(415);
		assertProblem(form, 415);
	}

	@Test
	void anUnknownPathUnderTheApiIsA404ProblemAndAWrongMethodA405Problem() throws Exception {
		HttpResponse<String> missing = visitor().get("/api/v1/nothing-here");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertProblem(missing, 404);
		HttpResponse<String> oldVersion = visitor().postJson("/api/v0/big-five", "{}");
		assertThat(oldVersion.statusCode()).isEqualTo(404);
		assertProblem(oldVersion, 404);
		HttpResponse<String> wrongMethod = visitor()
			.send(visitor().request("/api/v1/big-five").DELETE().header("Accept", "application/json"));
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertProblem(wrongMethod, 405);
		assertThat(wrongMethod.headers().firstValue("Allow").orElseThrow()).contains("POST");
	}

	@Test
	void aMinorCannotOptInThroughTheApi() throws Exception {
		HttpResponse<String> response = submit(contractBody("minor.app@example.com", 15, true, 3));
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = assertProblem(response, 422);
		assertThat(fields(problem)).containsExactly("optIn");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("16 or older");
		assertThat(problem.path("detail").asString()).isEqualTo("Invalid field(s): optIn.");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/big-five");
		assertThat(count("customer WHERE email_id = 'minor.app@example.com'")).isZero();
		assertThat(submit(contractBody("minor.app@example.com", 15, false, 3)).statusCode()).isEqualTo(201);
	}

	@Test
	void anUnknownConsentVersionIsRefusedAndNothingIsStored() throws Exception {
		HttpResponse<String> response = submit(
				Visitor.apiBody("version.app@example.com", 3, "\"optIn\":true,\"consentVersion\":\"1999-01\""));
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode problem = assertProblem(response, 422);
		assertThat(fields(problem)).containsExactly("consentVersion");
		assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
		assertThat(count("customer WHERE email_id = 'version.app@example.com'")).isZero();
	}

	@Test
	void anUnknownUnsubscribeLinkIsA404Problem() throws Exception {
		HttpResponse<String> response = visitor().post("/api/v1/unsubscribe/" + "c".repeat(64),
				"application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode problem = assertProblem(response, 404);
		assertThat(problem.path("detail").asString()).isEqualTo("No customer has this unsubscribe link.");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/unsubscribe/" + "c".repeat(64));
	}

	@Test
	void unknownFieldsAreIgnoredSoOlderAppsKeepWorking() throws Exception {
		HttpResponse<String> response = submit(Visitor.apiBody("extra.app@example.com", 3, "\"theme\":\"dark\""));
		assertThat(response.statusCode()).isEqualTo(201);
	}

	private String contractBody(String email, int age, boolean optIn, int answer) {
		return Visitor.apiBody(email, answer,
				"\"name\":\"Ada\",\"age\":" + age
						+ ",\"career\":\"Engineer\",\"careerStage\":\"mid_career\",\"primaryGoal\":\"focus\",\"optIn\":"
						+ optIn);
	}

	private HttpResponse<String> submit(String body) throws Exception {
		return visitor().postJson("/api/v1/big-five", body);
	}

	private JsonNode assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(response.body())
			.startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
		return problem;
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
	}

	private long count(String from) {
		return this.jdbc.sql("SELECT count(*) FROM " + from).query(Long.class).single();
	}

	private Visitor visitor() {
		return new Visitor(this.port);
	}

}
