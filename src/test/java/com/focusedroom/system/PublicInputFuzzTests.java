package com.focusedroom.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property-based tests of every public form and API field over real HTTP: a valid
 * submission is mutated in one or several fields per case (random strings of every kind,
 * numbers out of every range, wrong JSON types, missing and duplicated fields, malformed
 * bodies, wrong content types), and whatever comes in, the app never answers 5xx; a
 * rejected request stores nothing in any table a submission writes; the API's errors are
 * problem details and the pages' errors show no internals; an accepted case stores
 * exactly one report (or download); and no name or email of the run reaches the log.
 * <p>
 * Each case has its own seed, printed with a failure; {@code -Dfuzz.seed=...} runs
 * another set of cases, {@code -Dfuzz.scale=10} ten times as many.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "focusedroom.test.context=fuzz")
@ExtendWith(OutputCaptureExtension.class)
class PublicInputFuzzTests {

	static final long SEED = Long.getLong("fuzz.seed", 20261106L);

	private static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));

	/** Every table a public request could write to (db/migration). */
	private static final List<String> TABLES = List.of("customer", "big_five_result", "customer_touch", "consent_event",
			"consent_text", "ebook_download", "admin_audit", "admin_login_failure", "erased_customer",
			"legacy_subscriber", "channel_details");

	private static final Pattern STACK_TRACE = Pattern
		.compile("Exception|Whitelabel|\\bat (?:com|org|java|jakarta|sun|jdk)\\.[\\w.$]+\\(|\\.java:\\d+\\)");

	private static final Pattern REPORT = Pattern.compile("/report/[0-9a-f]{64}");

	private static final Pattern DOWNLOAD = Pattern.compile("/ebook/download/[0-9a-f]{64}");

	private static final List<String> STAGES = List.of("STUDENT", "EARLY_CAREER", "MID_CAREER", "SENIOR",
			"CAREER_CHANGE", "RETURNING");

	private static final List<String> GOALS = List.of("SELF_AWARENESS", "CAREER_DIRECTION", "FOCUS", "LEADERSHIP",
			"TEAMWORK", "WELLBEING");

	private static final List<String> FORM_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json",
			"multipart/form-data", "multipart/form-data; boundary=", "",
			"application/x-www-form-urlencoded; charset=ISO-8859-1",
			"application/x-www-form-urlencoded; charset=no-such-charset",
			"application/x-www-form-urlencoded; charset=UTF-16", "application/x-www-form-urlencoded;;;", "text/html",
			"*/*", "x");

	private static final List<String> JSON_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
			"multipart/form-data; boundary=fuzz", "", "application/x-www-form-urlencoded",
			"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
			"application/json; charset=no-such-charset", "application/json;;", "application/problem+json",
			"application/json-patch+json", "application/vnd.api+json", "json", "*/*", "application/*",
			"APPLICATION/JSON");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private String csrfCookie;

	private String csrfToken;

	@BeforeEach
	void openAFormForItsCsrfToken() throws Exception {
		HttpResponse<String> page = this.http.send(request("/big-five").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		this.csrfCookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		this.csrfToken = token.group(1);
	}

	@Test
	void theTestFormAnswersEveryMutationWithoutAServerErrorAndStoresOnlyWhatItAccepts(CapturedOutput output)
			throws Exception {
		Run run = new Run("POST /big-five", 1);
		for (int i = 0; i < cases(800); i++) {
			Case c = run.next(i);
			List<Field> form = testForm(c);
			mutate(form, c, this::testFormValue);
			sendForm("/big-five", form, c);
			checkForm(c, REPORT, "big_five_result");
		}
		run.finish(output);
	}

	@Test
	void theEbookFormAnswersEveryMutationWithoutAServerErrorAndStoresOnlyWhatItAccepts(CapturedOutput output)
			throws Exception {
		Run run = new Run("POST /ebook", 2);
		for (int i = 0; i < cases(700); i++) {
			Case c = run.next(i);
			List<Field> form = ebookForm(c);
			mutate(form, c, this::ebookFormValue);
			sendForm("/ebook", form, c);
			checkForm(c, DOWNLOAD, "ebook_download");
		}
		run.finish(output);
	}

	@Test
	void theApiAnswersEveryMutationWithAProblemAndStoresOnlyWhatItAccepts(CapturedOutput output) throws Exception {
		Run run = new Run("POST /api/v1/big-five", 3);
		for (int i = 0; i < cases(1000); i++) {
			Case c = run.next(i);
			List<String[]> body = apiBody(c);
			mutateJson(body, c);
			sendJson(body, c);
			checkApi(c);
		}
		run.finish(output);
	}

	@Test
	void randomReportDownloadAndUnsubscribeLinksFindNothingAndChangeNothing(CapturedOutput output) throws Exception {
		Run run = new Run("report, download and unsubscribe links", 4);
		for (int i = 0; i < cases(500); i++) {
			Case c = run.next(i);
			String token = token(c);
			String path = c.in
				.oneOf(List.of("/report/%s", "/report/%s.pdf", "/unsubscribe/%s", "/ebook/download/%s",
						"/api/v1/unsubscribe/%s"))
				.formatted(token);
			boolean post = path.startsWith("/api/") || (path.startsWith("/unsubscribe/") && c.in.chance(0.5));
			c.step((post ? "POST " : "GET ") + abbreviate(path));
			if (c.in.chance(0.1) && !path.startsWith("/api/")) {
				c.status = rawRequest((post ? "POST " : "GET ") + rawPath(c, path));
				c.contentType = "";
				c.body = "";
				c.run.statuses.merge(c.status, 1, Integer::sum);
			}
			else {
				HttpRequest.Builder request = request(path);
				if (post && !path.startsWith("/api/")) {
					request.header("Content-Type", "application/x-www-form-urlencoded")
						.header("Cookie", this.csrfCookie)
						.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(this.csrfToken)));
				}
				else if (post) {
					request.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
						.header("Content-Type", "application/x-www-form-urlencoded");
				}
				c.send(this.http,
						request.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html"));
			}
			c.check(c.status < 500, "a server error");
			c.check(c.status >= 400 || c.status == 0, "a random link found something");
			c.checkNothingStored();
			if (path.startsWith("/api/")) {
				checkProblem(c);
			}
			else {
				c.check(!STACK_TRACE.matcher(c.body).find(), "internals on the error page");
			}
		}
		run.finish(output);
	}

	// ---- the web forms

	private List<Field> testForm(Case c) {
		List<Field> form = new ArrayList<>();
		form.add(new Field("_csrf", this.csrfToken));
		form.add(new Field("lang", "en"));
		form.add(new Field("name", "Fuzz " + c.marker));
		form.add(new Field("age", String.valueOf(c.in.between(16, 90))));
		form.add(new Field("career", "Engineer " + c.marker));
		form.add(new Field("careerStage", c.in.oneOf(STAGES)));
		form.add(new Field("primaryGoal", c.in.oneOf(GOALS)));
		form.add(new Field("email", c.marker + "@example.com"));
		if (c.in.chance(0.5)) {
			form.add(new Field("optIn", "true"));
		}
		form.add(new Field("consentVersion", "2026-11"));
		if (c.in.chance(0.3)) {
			form.add(new Field("utm_source", "newsletter"));
			form.add(new Field("referrer", "https://example.org/"));
		}
		for (int i = 0; i < 120; i++) {
			form.add(new Field("answers[" + i + "]", String.valueOf(c.in.between(1, 5))));
		}
		return form;
	}

	private List<Field> ebookForm(Case c) {
		List<Field> form = new ArrayList<>();
		form.add(new Field("_csrf", this.csrfToken));
		form.add(new Field("email", c.marker + "@example.com"));
		form.add(new Field("name", "Fuzz " + c.marker));
		if (c.in.chance(0.5)) {
			form.add(new Field("optIn", "true"));
			form.add(new Field("ageConfirmed", "true"));
		}
		form.add(new Field("consentVersion", "2026-11"));
		if (c.in.chance(0.3)) {
			form.add(new Field("utm_campaign", "spring"));
		}
		return form;
	}

	private String testFormValue(String field, Case c) {
		RandomInput in = c.in;
		if (field.startsWith("answers")) {
			return switch (in.nextInt(4)) {
				case 0 -> String.valueOf(in.between(-2, 8));
				case 1 -> in.number();
				default -> in.text();
			};
		}
		return switch (field) {
			case "age" -> in.chance(0.7) ? in.number() : in.text();
			case "careerStage" -> choice(in, STAGES);
			case "primaryGoal" -> choice(in, GOALS);
			default -> commonValue(field, c);
		};
	}

	private String ebookFormValue(String field, Case c) {
		return commonValue(field, c);
	}

	private String commonValue(String field, Case c) {
		RandomInput in = c.in;
		return switch (field) {
			case "email" -> email(c);
			case "name", "career" -> in.chance(0.5) ? in.text() : in.text() + c.marker + in.text();
			case "optIn", "ageConfirmed" -> in.chance(0.6)
					? in.oneOf(List.of("true", "false", "on", "off", "yes", "1", "0", "", "TRUE", "null")) : in.text();
			case "consentVersion" ->
				in.chance(0.4) ? in.oneOf(List.of("2026-11", " 2026-11 ", "1999-01", "", "2026-11\u0000")) : in.text();
			case "_csrf" -> in.chance(0.5) ? this.csrfToken.substring(1) : in.text();
			default -> in.text();
		};
	}

	private static String choice(RandomInput in, List<String> values) {
		String value = in.oneOf(values);
		return switch (in.nextInt(6)) {
			case 0 -> value.toLowerCase();
			case 1 -> " " + value + " ";
			case 2 -> value + "X";
			case 3 -> "";
			default -> in.text();
		};
	}

	private static String email(Case c) {
		RandomInput in = c.in;
		String marker = c.marker;
		return switch (in.nextInt(14)) {
			case 0 -> " " + marker.toUpperCase() + "@EXAMPLE.COM ";
			case 1 -> marker + "@example";
			case 2 -> marker + "..x@example.com";
			case 3 -> marker + "@" + "a".repeat(in.between(60, 300)) + ".com";
			case 4 -> marker + "x".repeat(in.between(50, 300)) + "@example.com";
			case 5 -> marker + "ü@exämple.com";
			case 6 -> "\"" + marker + " x\"@example.com";
			case 7 -> marker + "@[127.0.0.1]";
			case 8 -> marker + "@example.com" + in.text();
			case 9 -> in.text() + marker + "@example.com";
			case 10 -> marker + "@example.com," + marker + "2@example.com";
			case 11 -> marker + "+tag@example.com";
			case 12 -> in.text();
			default -> marker + in.oneOf(RandomInput.NASTY) + "@example.com";
		};
	}

	/**
	 * One to four mutations of fields: a value replaced, a field removed, given twice or
	 * under a name the form does not have; sometimes the body itself is broken.
	 */
	private void mutate(List<Field> form, Case c, ValueMaker values) {
		RandomInput in = c.in;
		int mutations = 1 + (in.chance(0.5) ? 0 : in.between(1, 3));
		for (int m = 0; m < mutations; m++) {
			Field target = form.isEmpty() ? new Field("email", "") : pick(form, in);
			switch (in.nextInt(10)) {
				case 0, 1, 2, 3 -> {
					String value = values.value(target.name(), c);
					form.set(form.indexOf(target), new Field(target.name(), value));
					c.step("set " + target.name() + "=" + abbreviate(value));
				}
				case 4 -> {
					form.remove(target);
					c.step("removed " + target.name());
				}
				case 5 -> {
					String value = in.chance(0.5) ? target.value() : values.value(target.name(), c);
					form.add(in.nextInt(form.size() + 1), new Field(target.name(), value));
					c.step("duplicated " + target.name() + "=" + abbreviate(value));
				}
				case 6 -> {
					String name = in.oneOf(List.of("answers[120]", "answers[-1]", "answers[255]", "answers[256]",
							"answers[5000]", "answers[2147483648]", "answers[x]", "answers", "answers[]",
							"answers[0][0]", "answers[0].x", "name[0]", "name.x", "age[]", "email[]", "optIn[]",
							"class.module.classLoader.DefaultAssertionStatus", "assessmentForm.email", "", "=",
							"a".repeat(3000), "\u0000", "😀", "_csrf", "_optIn", "!optIn", "consentVersion[]"));
					String value = values.value(name, c);
					form.add(new Field(name, value));
					c.step("added " + abbreviate(name) + "=" + abbreviate(value));
				}
				case 7 -> {
					String value = values.value("answers[0]", c);
					boolean remove = in.chance(0.3);
					form.replaceAll((field) -> field.name().startsWith("answers[")
							? (remove ? null : new Field(field.name(), value)) : field);
					form.removeIf((field) -> field == null);
					c.step(remove ? "removed every answer" : "every answer=" + abbreviate(value));
				}
				default -> {
					String name = in.oneOf(List.of("name", "career", "email", "utm_source", "utm_medium",
							"utm_campaign", "utm_term", "utm_content", "referrer", "consentVersion", "lang"));
					String value = in.chance(0.3) ? in.oneOf(RandomInput.NASTY) : in.text();
					form.removeIf((field) -> field.name().equals(name));
					form.add(new Field(name, value));
					c.step("set " + name + "=" + abbreviate(value));
				}
			}
		}
		if (in.chance(0.12)) {
			c.contentType = in.oneOf(FORM_CONTENT_TYPES);
			c.step("content type " + c.contentType);
		}
		if (in.chance(0.1)) {
			c.raw = in.oneOf(List.of("%zz", "%", "%F", "%FF%FE", "%C0%80", "%ED%A0%80", "&&&", "=&=", "a=b=c", "%00",
					"\u00ff\u00fe", "+++", "name=%E2%82", "email"));
			c.step("raw " + abbreviate(c.raw));
		}
		if (in.chance(0.04)) {
			c.truncate = in.nextInt(4000);
			c.step("body cut after " + c.truncate + " bytes");
		}
	}

	private static <T> T pick(List<T> form, RandomInput in) {
		return form.get(in.nextInt(form.size()));
	}

	private void sendForm(String path, List<Field> form, Case c) throws Exception {
		byte[] body;
		String contentType = (c.contentType != null) ? c.contentType : "application/x-www-form-urlencoded";
		if (contentType.startsWith("multipart/form-data")) {
			body = multipart(form);
			if (contentType.equals("multipart/form-data")) {
				contentType = "multipart/form-data; boundary=fuzzboundary";
			}
		}
		else {
			String encoded = form.stream()
				.map((field) -> encode(field.name()) + "=" + encode(field.value()))
				.collect(Collectors.joining("&"));
			if (c.raw != null) {
				int email = encoded.indexOf("email=");
				int at = (email >= 0 && c.in.chance(0.3)) ? email + 6 : c.in.nextInt(encoded.length() + 1);
				encoded = encoded.substring(0, at) + c.raw + encoded.substring(at);
			}
			body = encoded.getBytes(StandardCharsets.ISO_8859_1);
			if (c.truncate >= 0 && c.truncate < body.length) {
				body = java.util.Arrays.copyOf(body, c.truncate);
			}
		}
		HttpRequest.Builder request = request(path).header("Cookie", this.csrfCookie)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		c.send(this.http, request);
	}

	private static byte[] multipart(List<Field> form) {
		StringBuilder body = new StringBuilder();
		for (Field field : form) {
			body.append("--fuzzboundary\r\nContent-Disposition: form-data; name=\"")
				.append(field.name().replace("\"", "%22").replace("\r", "").replace("\n", ""))
				.append("\"\r\n\r\n")
				.append(field.value())
				.append("\r\n");
		}
		return body.append("--fuzzboundary--\r\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	private void checkForm(Case c, Pattern accepted, String grows) throws Exception {
		c.check(c.status < 500, "a server error");
		c.check(!STACK_TRACE.matcher(c.body).find(), "internals on the page");
		if (c.status >= 400) {
			c.checkNothingStored();
			return;
		}
		c.check(c.status == 303, "an answer that is neither an error nor 303 See Other");
		String location = c.location.replaceFirst("^https?://[^/]+", "");
		c.check(accepted.matcher(location).matches(), "a redirect elsewhere than " + accepted);
		c.checkStoredOne(grows);
		c.run.accepted++;
		HttpResponse<byte[]> page = this.http.send(request(location).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		c.check(page.statusCode() == 200, "the accepted case's page answers " + page.statusCode());
		if (location.startsWith("/report/") && c.run.accepted % 10 == 1) {
			HttpResponse<byte[]> pdf = this.http.send(request(location + ".pdf").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			c.check(pdf.statusCode() == 200, "the accepted case's PDF answers " + pdf.statusCode());
		}
	}

	// ---- the JSON API

	private List<String[]> apiBody(Case c) {
		List<String[]> body = new ArrayList<>();
		body.add(new String[] { "name", RandomInput.Json.string("Fuzz " + c.marker) });
		body.add(new String[] { "age", String.valueOf(c.in.between(16, 90)) });
		body.add(new String[] { "career", RandomInput.Json.string("Engineer " + c.marker) });
		body.add(new String[] { "careerStage", RandomInput.Json.string(c.in.oneOf(STAGES).toLowerCase()) });
		body.add(new String[] { "primaryGoal", RandomInput.Json.string(c.in.oneOf(GOALS).toLowerCase()) });
		body.add(new String[] { "email", RandomInput.Json.string(c.marker + "@example.com") });
		body.add(new String[] { "optIn", String.valueOf(c.in.chance(0.5)) });
		if (c.in.chance(0.3)) {
			body.add(new String[] { "consentVersion", "\"2026-11\"" });
		}
		if (c.in.chance(0.3)) {
			body.add(new String[] { "attribution", "{\"utmSource\":\"app\",\"referrer\":\"https://example.org/\"}" });
		}
		body.add(new String[] { "answers", answers(c.in, 120) });
		return body;
	}

	private static String answers(RandomInput in, int size) {
		StringBuilder answers = new StringBuilder("[");
		for (int i = 0; i < size; i++) {
			answers.append((i > 0) ? "," : "").append(in.between(1, 5));
		}
		return answers.append(']').toString();
	}

	private void mutateJson(List<String[]> body, Case c) {
		RandomInput in = c.in;
		int mutations = 1 + (in.chance(0.5) ? 0 : in.between(1, 3));
		for (int m = 0; m < mutations; m++) {
			String[] target = body.isEmpty() ? new String[] { "email", "null" } : pick(body, in);
			switch (in.nextInt(10)) {
				case 0, 1, 2 -> {
					String value = jsonValueFor(target[0], c);
					body.set(body.indexOf(target), new String[] { target[0], value });
					c.step("set " + target[0] + "=" + abbreviate(value));
				}
				case 3 -> {
					body.remove(target);
					c.step("removed " + target[0]);
				}
				case 4 -> {
					String value = in.chance(0.5) ? target[1] : jsonValueFor(target[0], c);
					body.add(in.nextInt(body.size() + 1), new String[] { target[0], value });
					c.step("duplicated " + target[0] + "=" + abbreviate(value));
				}
				case 5 -> {
					String value = answersMutation(in);
					body.removeIf((entry) -> entry[0].equals("answers"));
					body.add(new String[] { "answers", value });
					c.step("answers=" + abbreviate(value));
				}
				case 6 -> {
					String key = in.chance(0.5) ? in.text() : in.oneOf(List.of("Email", "EMAIL", "email ", "answers[0]",
							"__proto__", "constructor", "@type", "$ref", "", "\u0000", "attribution.utmSource"));
					String value = in.jsonValue(0);
					body.add(new String[] { key, value });
					c.step("added " + abbreviate(key) + "=" + abbreviate(value));
				}
				case 7 -> {
					String value = RandomInput.Json.string(in.chance(0.3) ? in.oneOf(RandomInput.NASTY) : in.text());
					String name = in.oneOf(List.of("name", "career", "consentVersion"));
					body.removeIf((entry) -> entry[0].equals(name));
					body.add(new String[] { name, value });
					c.step("set " + name + "=" + abbreviate(value));
				}
				case 8 -> {
					String field = in
						.oneOf(List.of("utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "referrer"));
					String value = in.chance(0.8) ? RandomInput.Json.string(in.text()) : in.jsonValue(0);
					body.removeIf((entry) -> entry[0].equals("attribution"));
					body.add(new String[] { "attribution",
							in.chance(0.9) ? "{\"" + field + "\":" + value + "}" : in.jsonValue(0) });
					c.step("attribution." + field + "=" + abbreviate(value));
				}
				default -> {
					String value = RandomInput.Json.string(email(c));
					body.removeIf((entry) -> entry[0].equals("email"));
					body.add(in.nextInt(body.size() + 1), new String[] { "email", value });
					c.step("email=" + abbreviate(value));
				}
			}
		}
		if (in.chance(0.15)) {
			c.structure = in.between(0, 11);
			c.step("structure " + c.structure);
		}
		if (in.chance(0.1)) {
			c.contentType = in.oneOf(JSON_CONTENT_TYPES);
			c.step("content type " + c.contentType);
		}
	}

	private String jsonValueFor(String field, Case c) {
		RandomInput in = c.in;
		return switch (field) {
			case "age" ->
				in.chance(0.5)
						? in.oneOf(List.of("12", "13", "15", "120", "121", "-1", "0", "36.0", "36.5", "1e2",
								"2147483648", "99999999999999999999", "\"36\"", "null", "true", "[36]", "{\"v\":36}"))
						: in.jsonValue(0);
			case "optIn" -> in.oneOf(List.of("true", "false", "null", "\"true\"", "1", "0", "[]", "{}", "\"yes\""));
			case "careerStage", "primaryGoal" ->
				in.chance(0.5) ? RandomInput.Json.string(choice(in, STAGES)) : in.jsonValue(0);
			case "answers" -> answersMutation(in);
			case "email" -> in.chance(0.6) ? RandomInput.Json.string(email(c)) : in.jsonValue(0);
			default -> in.chance(0.6) ? RandomInput.Json.string(in.text() + (in.chance(0.5) ? c.marker : ""))
					: in.jsonValue(0);
		};
	}

	private static String answersMutation(RandomInput in) {
		return switch (in.nextInt(8)) {
			case 0 -> answers(in, in.oneOf(List.of(0, 1, 119, 121, 240, 10_000)));
			case 1 -> answers(in, 120).replaceFirst("\\d", in.oneOf(List.of("0", "6", "-1", "3.5", "\"3\"", "null",
					"true", "[3]", "{}", "99999999999999999999", "1e0", "3.0", "NaN", "")));
			case 2 -> "[" + "null,".repeat(119) + "null]";
			case 3 -> in.oneOf(List.of("null", "\"3,3,3\"", "{}", "3", "true", "{\"0\":3}", "[]", "[[]]"));
			case 4 -> answers(in, 120).replace(",", in.oneOf(List.of(",,", " , ", ",\n")));
			case 5 -> answers(in, 120).replaceAll("\\d", "2147483648");
			default -> answers(in, 120).replaceFirst("\\d", Matcher.quoteReplacement(in.jsonValue(0)));
		};
	}

	private void sendJson(List<String[]> entries, Case c) throws Exception {
		String text = entries.stream()
			.map((entry) -> RandomInput.Json.string(entry[0]) + ":" + entry[1])
			.collect(Collectors.joining(",", "{", "}"));
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		if (c.structure >= 0) {
			body = broken(body, c.structure, c.in);
		}
		HttpRequest.Builder request = request("/api/v1/big-five").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		String contentType = (c.contentType != null) ? c.contentType : "application/json";
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		c.send(this.http, request);
	}

	/**
	 * The JSON text broken: cut, followed by garbage, wrapped, or with bytes that are not
	 * UTF-8.
	 */
	private static byte[] broken(byte[] body, int how, RandomInput in) {
		String text = new String(body, StandardCharsets.UTF_8);
		return switch (how) {
			case 0 -> java.util.Arrays.copyOf(body, in.nextInt(body.length));
			case 1 -> (text + in.oneOf(List.of("}", ",", "x", "{}", "[]", " null", "\u0000", "/* */", "\"")))
				.getBytes(StandardCharsets.UTF_8);
			case 2 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
			case 3 -> insert(body, in, new byte[] { (byte) 0xff });
			case 4 -> insert(body, in, new byte[] { (byte) 0xc3, (byte) 0x28 });
			case 5 -> insert(body, in, new byte[] { (byte) 0xc0, (byte) 0xaf });
			case 6 -> insert(body, in, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 });
			case 7 -> ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
			case 8 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
			case 9 -> text.replaceFirst(":", ":/*c*/").getBytes(StandardCharsets.UTF_8);
			case 10 -> in.oneOf(List.of("", " ", "null", "[]", "42", "\"x\"", "{", "}", "{\"email\":}", "{,}", "<xml/>",
					"email=a%40b.co", "NaN", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":0x1}",
					"{\"a\":\"\\x\"}", "{\"a\":\"\t\"}"))
				.getBytes(StandardCharsets.UTF_8);
			default -> text.getBytes(StandardCharsets.UTF_16);
		};
	}

	private static byte[] insert(byte[] body, RandomInput in, byte[] bytes) {
		int at = in.nextInt(body.length + 1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(body, 0, at);
		out.write(bytes, 0, bytes.length);
		out.write(body, at, body.length - at);
		return out.toByteArray();
	}

	private void checkApi(Case c) throws Exception {
		c.check(c.status < 500, "a server error");
		if (c.status >= 400) {
			c.checkNothingStored();
			checkProblem(c);
			return;
		}
		c.check(c.status == 201, "an answer that is neither an error nor 201 Created");
		c.checkStoredOne("big_five_result");
		c.run.accepted++;
		String reportUrl = this.json.readTree(c.body).path("reportUrl").asString();
		String path = reportUrl.replaceFirst("^https?://[^/]+", "");
		c.check(REPORT.matcher(path).matches(), "a report URL like " + REPORT);
		HttpResponse<String> page = this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		c.check(page.statusCode() == 200, "the accepted case's report answers " + page.statusCode());
	}

	private void checkProblem(Case c) {
		if (c.status == 0) {
			return;
		}
		if (c.status == 400 && c.body.startsWith("<!doctype html>") && c.body.contains("HTTP Status 400")) {
			// Tomcat refuses a malformed URL (such as an encoded slash) before the app
			// sees it.
			c.check(!c.body.contains("Tomcat/") && !STACK_TRACE.matcher(c.body).find(), "internals on Tomcat's page");
			return;
		}
		c.check(c.contentType.startsWith("application/problem+json"),
				"an error that is not application/problem+json but " + c.contentType);
		c.check(!STACK_TRACE.matcher(c.body).find(), "internals in the problem");
		JsonNode problem = this.json.readTree(c.body);
		c.check(problem.path("status").asInt() == c.status, "a problem with another status");
		c.check(!problem.path("title").asString().isBlank(), "a problem without a title");
	}

	// ---- links

	private String token(Case c) {
		RandomInput in = c.in;
		return switch (in.nextInt(9)) {
			case 0 -> hex(in, 64);
			case 1 -> hex(in, in.oneOf(List.of(31, 32, 63, 65, 128)));
			case 2 -> in.oneOf(List.of("1", "0", "-1", "00000000000000000000000000000000", "9".repeat(40), "%2e%2e",
					"..", ".", "%2F", "a%2Fb", "%00", "%25", "%C0%AE", "x;jsessionid=1", "%3B", "%5C", "index.html",
					"a.pdf.pdf", "%20", "~", "*"));
			case 3 -> hex(in, 64).toUpperCase();
			case 4 -> existingTokenChanged(in);
			case 5 -> "x".repeat(in.oneOf(List.of(100, 1000, 6000)));
			default -> encode(in.text()).replace("+", "%20");
		};
	}

	private String existingTokenChanged(RandomInput in) {
		List<String> tokens = this.jdbc
			.sql("SELECT report_token FROM big_five_result UNION ALL SELECT unsubscribe_token FROM customer "
					+ "UNION ALL SELECT token FROM ebook_download LIMIT 50")
			.query(String.class)
			.list();
		if (tokens.isEmpty()) {
			return hex(in, 64);
		}
		String token = in.oneOf(tokens);
		int at = in.nextInt(token.length());
		char other = (token.charAt(at) == '0') ? '1' : '0';
		return token.substring(0, at) + other + token.substring(at + 1);
	}

	private static String hex(RandomInput in, int length) {
		StringBuilder hex = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			hex.append("0123456789abcdef".charAt(in.nextInt(16)));
		}
		return hex.toString();
	}

	private static String rawPath(Case c, String path) {
		if (c.in.chance(0.3)) {
			return path + "?email=" + c.marker + "%40example.com" + c.in.oneOf(List.of("%zz", "%", "%G0", "%C0"));
		}
		return path + c.in.oneOf(List.of("%zz", "%", "%G0", "\u00ff", "/../admin", "/%2e%2e/admin", "\\..\\", "?a=%zz",
				"#x", "%u0041", "%0d%0aX-Injected:%20y", " HTTP/1.0", "//", ";a=b", "|", "{", "<", "\""));
	}

	/**
	 * A request written straight to the socket, for request lines no HTTP client sends.
	 */
	private int rawRequest(String requestLine) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Length: 0\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder statusLine = new StringBuilder();
			for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
				statusLine.append((char) b);
			}
			String[] parts = statusLine.toString().split(" ");
			return (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
		}
	}

	// ---- the run

	private int cases(int count) {
		return (int) Math.max(1, Math.round(count * SCALE));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A value shown in a failure message: short, with invisible characters visible. */
	static String abbreviate(String value) {
		String shown = (value.length() > 60) ? value.substring(0, 60) + "...(" + value.length() + " chars)" : value;
		StringBuilder visible = new StringBuilder();
		shown.chars()
			.forEach((ch) -> visible.append((ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || Character.isSurrogate((char) ch))
					? String.format("\\u%04x", ch) : String.valueOf((char) ch)));
		return visible.toString();
	}

	private Map<String, Long> storeCounts() {
		String sql = TABLES.stream()
			.map((table) -> "(SELECT count(*) FROM " + table + ") AS " + table)
			.collect(Collectors.joining(", ", "SELECT ", ""));
		Map<String, Object> row = this.jdbc.sql(sql).query().singleRow();
		Map<String, Long> counts = new LinkedHashMap<>();
		row.forEach((table, count) -> counts.put(table, ((Number) count).longValue()));
		return counts;
	}

	interface ValueMaker {

		String value(String field, Case c);

	}

	record Field(String name, String value) {
	}

	/**
	 * One endpoint's cases: how they were answered, and the markers of its personal data.
	 */
	final class Run {

		final String endpoint;

		final long seed;

		final Map<Integer, Integer> statuses = new TreeMap<>();

		final Set<String> markers = new LinkedHashSet<>();

		final long started = System.nanoTime();

		int cases;

		int accepted;

		Run(String endpoint, int number) {
			this.endpoint = endpoint;
			this.seed = SEED * 31 + number;
		}

		Case next(int index) {
			this.cases++;
			long caseSeed = this.seed * 1_000_003L + index;
			Case c = new Case(this, index, caseSeed, storeCounts());
			this.markers.add(c.marker);
			return c;
		}

		void finish(CapturedOutput output) {
			long millis = (System.nanoTime() - this.started) / 1_000_000;
			String log = output.getAll();
			List<String> leaked = this.markers.stream().filter(log::contains).toList();
			assertThat(leaked)
				.as("%s: personal data of the run (names, emails) in the log (seed %d)", this.endpoint, this.seed)
				.isEmpty();
			System.out.printf("Fuzz %s: %d cases, %d accepted, answers %s, %d ms (seed %d)%n", this.endpoint,
					this.cases, this.accepted, this.statuses, millis, SEED);
			assertThat(this.cases).isPositive();
		}

	}

	/** One request: its random source, what was changed, and how it was answered. */
	final class Case {

		final Run run;

		final int index;

		final long seed;

		final RandomInput in;

		final String marker;

		final Map<String, Long> before;

		final List<String> steps = new ArrayList<>();

		String contentType;

		String raw;

		int truncate = -1;

		int structure = -1;

		int status;

		String body = "";

		String location = "";

		Case(Run run, int index, long seed, Map<String, Long> before) {
			this.run = run;
			this.index = index;
			this.seed = seed;
			this.in = new RandomInput(seed);
			this.marker = this.in.marker();
			this.before = before;
		}

		void step(String step) {
			this.steps.add(step);
		}

		void send(HttpClient client, HttpRequest.Builder request) throws Exception {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			this.status = response.statusCode();
			this.contentType = response.headers().firstValue("Content-Type").orElse("");
			this.location = response.headers().firstValue("Location").orElse("");
			this.body = new String(response.body(), StandardCharsets.UTF_8);
			this.run.statuses.merge(this.status, 1, Integer::sum);
		}

		void check(boolean holds, String problem) {
			if (!holds) {
				fail("%s case %d (case seed %d; run seed -Dfuzz.seed=%d) got %s: %d %s%n  mutations: %s%n  answer: %s",
						this.run.endpoint, this.index, this.seed, SEED, problem, this.status, this.contentType,
						String.join("; ", this.steps), abbreviate(this.body.replaceAll("\\s+", " ")));
			}
		}

		void checkNothingStored() {
			Map<String, Long> after = storeCounts();
			check(after.equals(this.before), "something stored from a rejected request: " + difference(after));
		}

		void checkStoredOne(String table) {
			Map<String, Long> after = storeCounts();
			Function<String, Long> grew = (name) -> after.get(name) - this.before.get(name);
			check(grew.apply(table) == 1, "not exactly one new row in " + table + ": " + difference(after));
			check(grew.apply("customer_touch") == 1, "not exactly one touch: " + difference(after));
			check(grew.apply("customer") <= 1 && grew.apply("consent_event") <= 1,
					"more than one customer or consent: " + difference(after));
			for (String other : List.of("admin_audit", "admin_login_failure", "erased_customer", "consent_text",
					"legacy_subscriber", "channel_details",
					table.equals("ebook_download") ? "big_five_result" : "ebook_download")) {
				check(grew.apply(other) == 0, "a row in " + other + ": " + difference(after));
			}
		}

		private String difference(Map<String, Long> after) {
			return after.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().equals(this.before.get(entry.getKey())))
				.map((entry) -> entry.getKey() + " " + this.before.get(entry.getKey()) + "->" + entry.getValue())
				.collect(Collectors.joining(", "));
		}

	}

}
