package com.focusedroom.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor of the running app over real HTTP, as a browser (forms with their CSRF token,
 * no redirects followed) or as the mobile app (JSON).
 */
public final class Visitor {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public Visitor(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> getBytes(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Opens a form page (with its query, e.g. campaign parameters) and posts the form as
	 * a browser would: the fields given plus the hidden fields the page carries.
	 */
	public HttpResponse<String> submitForm(String pagePath, String action, Map<String, String> fields)
			throws Exception {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("form page %s", pagePath).isEqualTo(200);
		Map<String, String> all = new LinkedHashMap<>(hiddenFields(page.body()));
		all.putAll(fields);
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		return postForm(action, all, cookie);
	}

	public HttpResponse<String> postForm(String action, Map<String, String> fields, String cookie) throws Exception {
		String body = fields.entrySet()
			.stream()
			.filter((e) -> e.getValue() != null)
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> postJson(String path, String json) throws Exception {
		return post(path, "application/json", json);
	}

	public HttpResponse<String> postJsonWithHeader(String path, String json, String header, String value)
			throws Exception {
		return this.http.send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return this.http.send(request(path).header("Content-Type", contentType)
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	/** The web test's fields: an email and the same answer to all 120 statements. */
	public static Map<String, String> testForm(String email, int answer) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		for (int i = 0; i < 120; i++) {
			form.put("answers[" + i + "]", String.valueOf(answer));
		}
		return form;
	}

	/** The API's body: an email, 120 answers and any further fields as raw JSON. */
	public static String apiBody(String email, int answer, String moreFields) {
		String answers = IntStream.range(0, 120)
			.mapToObj((i) -> String.valueOf(answer))
			.collect(Collectors.joining(",", "[", "]"));
		return "{\"email\":\"" + email + "\",\"answers\":" + answers
				+ ((moreFields == null || moreFields.isBlank()) ? "" : "," + moreFields) + "}";
	}

	static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
		while (hidden.find()) {
			fields.put(hidden.group(1), unescape(hidden.group(2)));
		}
		return fields;
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * The token of the newest newsletter confirmation link mailed to the address (read
	 * from the outbox, as the inbox's owner would read the mail).
	 */
	public static String confirmationToken(JdbcClient jdbc, String email) {
		String mail = jdbc.sql("""
				SELECT body_text FROM mail_outbox WHERE recipient = ? AND kind = 'newsletter_confirmation'
				ORDER BY mail_id DESC LIMIT 1""").param(email).query(String.class).single();
		Matcher link = Pattern.compile("/newsletter/confirm/([A-Za-z0-9_-]{43})").matcher(mail);
		assertThat(link.find()).as("the mail has the confirmation link").isTrue();
		return link.group(1);
	}

}
