package com.focusedroom.assessment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.focusedroom.scoring.Responders;
import com.focusedroom.shared.KeyedHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Submissions through the web form and the API store the language, the time taken and the
 * careless-answering checks with the result (issue 11), against the embedded PostgreSQL.
 */
@SpringBootTest(properties = "focusedroom.assessment.timing-key=" + AnsweringRecordedIntegrationTests.KEY)
@AutoConfigureMockMvc
class AnsweringRecordedIntegrationTests {

	static final String KEY = "a-test-timing-key-of-at-least-32-characters";

	private static final Pattern STARTED = Pattern.compile("name=\"started\" value=\"([^\"]*)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Test
	void theFormStoresTheLanguageItServedTheTimeAndChecksThatPass() {
		String email = email("careful-form");
		// A page served ten minutes ago, signed with the configured key.
		String stamp = stampServed(Duration.ofMinutes(10));
		MvcTestResult sent = postForm(email, Responders.careful(new Random(42)), "fr", stamp);
		assertThat(sent).hasStatus(303);
		Stored stored = stored(email);
		assertThat(stored.language()).isEqualTo("fr");
		assertThat(stored.secondsTaken()).isBetween(600, 660);
		assertThat(stored.validity().path("likelyInvalid").asBoolean()).isFalse();
		assertThat(stored.validity().path("source").asString()).isEqualTo("submission");
		assertThat(stored.validity().path("checks").path("speed").path("flagged").asBoolean()).isFalse();
		assertThat(stored.validity().path("checks").path("speed").path("limit").asDouble()).isEqualTo(240.0);
	}

	@Test
	void aFormSentRightAfterItsPageWasServedIsFlaggedAsTooFast() throws Exception {
		String email = email("fast-form");
		MockHttpSession session = new MockHttpSession();
		String page = this.mvc.get()
			.uri("/big-five?lang=de")
			.session(session)
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher matcher = STARTED.matcher(page);
		assertThat(matcher.find()).isTrue();
		assertThat(postForm(email, Responders.careful(new Random(42)), "de", matcher.group(1))).hasStatus(303);
		Stored stored = stored(email);
		assertThat(stored.language()).isEqualTo("de");
		assertThat(stored.secondsTaken()).isLessThan(240);
		assertThat(stored.validity().path("checks").path("speed").path("flagged").asBoolean()).isTrue();
		assertThat(stored.validity().path("likelyInvalid").asBoolean()).isTrue();
	}

	@Test
	void aChangedOrForeignStampIsNoErrorTheTimeIsJustUnknown() {
		String stamp = stampServed(Duration.ofMinutes(10));
		String changed = (Long.parseLong(stamp.substring(0, stamp.indexOf('.'))) - 3600)
				+ stamp.substring(stamp.indexOf('.'));
		String foreign = new StartStamps(new KeyedHash(new byte[32]), Clock.systemUTC()).issue();
		for (String bad : List.of(changed, foreign, "12345", "not.a.stamp", "")) {
			String email = email("tampered");
			assertThat(postForm(email, Responders.careful(new Random(42)), "en", bad)).hasStatus(303);
			Stored stored = stored(email);
			assertThat(stored.secondsTaken()).as(bad).isNull();
			assertThat(stored.validity().path("timed").asBoolean()).isFalse();
			assertThat(stored.validity().path("checks").has("speed")).isFalse();
		}
	}

	@Test
	void aFormComingBackWithErrorsKeepsItsStampSoTheTimeCountsFromTheFirstPage() throws Exception {
		String stamp = stampServed(Duration.ofMinutes(10));
		MultiValueMap<String, String> form = form("", Responders.careful(new Random(42)), "en", stamp);
		MvcTestResult again = this.mvc.post().uri("/big-five").with(csrf()).params(form).exchange();
		assertThat(again).hasStatus(422);
		assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("name=\"started\" value=\"" + stamp + "\"");
		MvcTestResult forged = this.mvc.post()
			.uri("/big-five")
			.with(csrf())
			.params(form("", Responders.careful(new Random(42)), "en", "1.abc"))
			.exchange();
		assertThat(forged.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.as("no fresh stamp: that would time only the fixing")
			.contains("name=\"started\" value=\"\"");
	}

	@Test
	void theApiStoresTheLanguageAndTimeTheAppSends() {
		String email = email("api-careful");
		assertThat(postApi(email, Responders.careful(new Random(42)), "\"language\":\"pt-BR\",\"secondsTaken\":900"))
			.hasStatus(201);
		Stored stored = stored(email);
		assertThat(stored.language()).isEqualTo("pt-br");
		assertThat(stored.secondsTaken()).isEqualTo(900);
		assertThat(stored.validity().path("likelyInvalid").asBoolean()).isFalse();

		String plain = email("api-plain");
		assertThat(postApi(plain, Responders.careful(new Random(42)), "")).hasStatus(201);
		assertThat(stored(plain).language()).as("the items the API serves are English").isEqualTo("en");
		assertThat(stored(plain).secondsTaken()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("carelessProtocols")
	void carelessProtocolsAreStoredFlagged(String name, List<Integer> answers) {
		String email = email("careless");
		assertThat(postApi(email, answers, "\"secondsTaken\":900")).hasStatus(201);
		assertThat(stored(email).validity().path("likelyInvalid").asBoolean()).as(name).isTrue();
	}

	static List<Arguments> carelessProtocols() {
		return List.of(Arguments.of("all 3s", Responders.same(3)), Arguments.of("all 5s", Responders.same(5)),
				Arguments.of("alternating 1/5", Responders.alternating(1, 5)),
				Arguments.of("straight line of 1s", Responders.same(1)),
				Arguments.of("straight line of 2s", Responders.same(2)),
				Arguments.of("straight line of 4s", Responders.same(4)));
	}

	@Test
	void badLanguageOrTimeIsAProblemAtTheFieldAndNothingIsStored() throws Exception {
		Map<String, String> bad = Map.of("\"secondsTaken\":-1", "secondsTaken", "\"secondsTaken\":1.5", "secondsTaken",
				"\"secondsTaken\":\"600\"", "secondsTaken", "\"secondsTaken\":86401", "secondsTaken",
				"\"language\":\"xx\"", "language", "\"language\":\"ur\"", "language", "\"language\":5", "language");
		for (Map.Entry<String, String> field : bad.entrySet()) {
			String email = email("bad-api");
			MvcTestResult result = postApi(email, Responders.careful(new Random(1)), field.getKey());
			assertThat(result).as(field.getKey()).hasStatus(422);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			JsonNode errors = this.json.readTree(result.getResponse().getContentAsString()).path("errors");
			assertThat(errors.findValuesAsString("field")).as(field.getKey()).containsExactly(field.getValue());
			assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email_id = ?")
				.param(email)
				.query(Long.class)
				.single()).isZero();
		}
	}

	private String stampServed(Duration ago) {
		return new StartStamps(new KeyedHash(KEY.getBytes(StandardCharsets.UTF_8)),
				Clock.offset(Clock.systemUTC(), ago.negated()))
			.issue();
	}

	private MvcTestResult postForm(String email, List<Integer> answers, String lang, String stamp) {
		return this.mvc.post().uri("/big-five").with(csrf()).params(form(email, answers, lang, stamp)).exchange();
	}

	private static MultiValueMap<String, String> form(String email, List<Integer> answers, String lang, String stamp) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("email", email);
		form.add("lang", lang);
		form.add("started", stamp);
		for (int i = 0; i < answers.size(); i++) {
			form.add("answers[" + i + "]", String.valueOf(answers.get(i)));
		}
		return form;
	}

	private MvcTestResult postApi(String email, List<Integer> answers, String more) {
		String body = "{\"email\":\"" + email + "\",\"answers\":"
				+ answers.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
				+ (more.isEmpty() ? "" : "," + more) + "}";
		return this.mvc.post()
			.uri("/api/v1/big-five")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.content(body)
			.exchange();
	}

	private Stored stored(String email) {
		return this.jdbc.sql("""
				SELECT r.language, r.seconds_taken, r.validity::text AS validity FROM big_five_result r
				JOIN customer c USING (customer_id) WHERE c.email_id = ?
				""")
			.param(email)
			.query((rs, row) -> new Stored(rs.getString("language"), rs.getObject("seconds_taken", Integer.class),
					this.json.readTree(rs.getString("validity"))))
			.single();
	}

	private static String email(String prefix) {
		return prefix + "." + System.nanoTime() + "@example.com";
	}

	record Stored(String language, Integer secondsTaken, JsonNode validity) {

	}

}
