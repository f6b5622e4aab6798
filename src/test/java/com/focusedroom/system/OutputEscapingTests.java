package com.focusedroom.system;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
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
 * Script, markup, template expressions and spreadsheet formulas stored through each
 * channel in every text field a visitor controls (name, career, email where the address
 * can carry them, campaign parameters and referrer), then read back on every page that
 * shows them: the report page and its PDF, the admin customer list, customer page,
 * dashboard and audit log, the CSV export and the GDPR export. Everywhere they are text:
 * escaped in HTML, literal in the PDF, defused in CSV, exact in JSON, never evaluated.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "focusedroom.test.context=escaping")
class OutputEscapingTests {

	static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"javascript:alert(1)", "'-alert(1)-'", "=cmd|' /C calc'!A0", "{{7*7}}", "[[${7*7}]]",
			"__${T(java.lang.Runtime)}__::.x", "@SUM(1+1)", "+1+1", "-1+1", "</textarea><svg onload=alert(1)>");

	/** Local parts of valid addresses that are payloads too. */
	static final List<String> EMAIL_PAYLOADS = List.of("{{7*7}}", "${7*7}", "=cmd|'calc'!a0", "+1+1", "-1+1",
			"'-alert-1-'", "__${7*7}__", "#{7*7}", "*{7*7}", "=1+1", "%s%n");

	private static final Pattern SCRIPT_URL = Pattern
		.compile("(?i)(?:href|src|action|formaction|xlink:href)\\s*=\\s*[\"']?\\s*javascript:");

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private String admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		HttpResponse<String> page = visitor().get("/admin/login");
		String csrfCookie = cookie(page, "XSRF-TOKEN");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = visitor().postForm("/admin/login",
				Map.of("username", "test-admin", "password", "test-admin-password", "_csrf", token.group(1)),
				csrfCookie);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		this.admin = cookie(login, "JSESSIONID") + "; " + csrfCookie;
	}

	@Test
	void whatTheTestFormStoresIsShownAsTextOnEveryPage() throws Exception {
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			Stored stored = new Stored(payload, email(i, "web"), true);
			String landing = "/big-five?" + campaign(payload);
			assertShownAsText(visitor().get(landing).body(), payload, "the test page with the campaign");
			Map<String, String> form = Visitor.testForm(stored.email, 3);
			form.put("name", payload);
			form.put("career", payload);
			form.put("referrer", payload);
			HttpResponse<String> response = visitor().submitForm(landing, "/big-five", form);
			assertThat(response.statusCode()).as(payload).isEqualTo(303);
			stored.report = response.headers().firstValue("Location").orElseThrow();
			assertEscapedEverywhere(stored);
		}
	}

	@Test
	void whatTheEbookFormStoresIsShownAsTextOnEveryPage() throws Exception {
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			Stored stored = new Stored(payload, email(i, "ebook"), false);
			String landing = "/ebook?" + campaign(payload);
			assertShownAsText(visitor().get(landing).body(), payload, "the eBook page with the campaign");
			Map<String, String> form = new LinkedHashMap<>();
			form.put("email", stored.email);
			form.put("name", payload);
			form.put("referrer", payload);
			HttpResponse<String> response = visitor().submitForm(landing, "/ebook", form);
			assertThat(response.statusCode()).as(payload).isEqualTo(303);
			assertEscapedEverywhere(stored);
		}
	}

	@Test
	void whatTheApiStoresIsShownAsTextOnEveryPage() throws Exception {
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			Stored stored = new Stored(payload, email(i, "app"), true);
			String text = RandomInput.Json.string(payload);
			String attribution = "\"attribution\":{\"utmSource\":%1$s,\"utmMedium\":%1$s,\"utmCampaign\":%1$s,"
					+ "\"utmTerm\":%1$s,\"utmContent\":%1$s,\"referrer\":%1$s}";
			HttpResponse<String> response = visitor().postJson("/api/v1/big-five", Visitor.apiBody(stored.email, 4,
					"\"name\":" + text + ",\"career\":" + text + "," + attribution.formatted(text)));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			String reportUrl = this.json.readTree(response.body()).path("reportUrl").asString();
			stored.report = reportUrl.substring(reportUrl.indexOf("/report/"));
			assertEscapedEverywhere(stored);
		}
	}

	private void assertEscapedEverywhere(Stored stored) throws Exception {
		String payload = stored.payload;
		long id = this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param(stored.email)
			.query(Long.class)
			.single();
		assertThat(
				this.jdbc.sql("SELECT name FROM customer WHERE customer_id = ?").param(id).query(String.class).single())
			.as("stored as sent")
			.isEqualTo(payload);
		if (stored.report != null) {
			HttpResponse<String> report = visitor().get(stored.report);
			assertThat(report.statusCode()).isEqualTo(200);
			assertShownAsText(report.body(), payload, "the report page");
			assertThat(report.body()).contains(escaped(payload));
			HttpResponse<byte[]> pdf = visitor().getBytes(stored.report + ".pdf");
			assertThat(pdf.statusCode()).as("the PDF of a report named %s", payload).isEqualTo(200);
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				assertThat(withoutSpace(new PDFTextStripper().getText(document))).as("the PDF")
					.contains(withoutSpace(payload));
			}
		}

		String list = admin("/admin/customers?q=" + encode(stored.email));
		assertShownAsText(list, payload, "the customer list");
		assertThat(list).as("the customer list").contains(escaped(stored.email), escaped(payload));

		String detail = admin("/admin/customers/" + id);
		assertShownAsText(detail, payload, "the customer page");
		assertThat(detail).as("the customer page").contains(escaped(stored.email));
		int shown = count(detail, escaped(payload));
		// name, profession (and the report's profession then), the touch's source,
		// medium,
		// campaign and referrer
		int expected = 1 + (stored.career ? 1 : 0) + ((stored.report != null && stored.career) ? 1 : 0) + 4;
		assertThat(shown).as("times %s is shown on the customer page", payload).isGreaterThanOrEqualTo(expected);

		assertShownAsText(admin("/admin"), payload, "the dashboard");
		assertShownAsText(admin("/admin/audit"), payload, "the audit log");
		assertShownAsText(admin("/admin/audit?customer=" + id), payload, "the customer's audit log");

		HttpResponse<String> csv = adminResponse(
				"/admin/customers/export.csv?includeWithoutConsent=true&q=" + encode(stored.email));
		assertThat(csv.statusCode()).isEqualTo(200);
		List<List<String>> rows = csv(csv.body());
		assertThat(rows).as("header and one customer").hasSize(2);
		List<String> header = rows.get(0);
		List<String> row = rows.get(1);
		for (String cell : row) {
			assertThat(cell).as("CSV cell")
				.doesNotStartWith("=")
				.doesNotStartWith("+")
				.doesNotStartWith("-")
				.doesNotStartWith("@")
				.doesNotStartWith("\t")
				.doesNotStartWith("\r");
		}
		assertThat(row.get(header.indexOf("name"))).isEqualTo(defused(payload));
		assertThat(row.get(header.indexOf("email"))).isEqualTo(defused(stored.email));
		if (stored.career) {
			assertThat(row.get(header.indexOf("profession"))).isEqualTo(defused(payload));
		}

		HttpResponse<String> export = adminResponse("/admin/customers/" + id + "/data.json");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(export.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		JsonNode data = this.json.readTree(export.body());
		List<String> texts = new ArrayList<>();
		collectTexts(data, texts);
		long exact = texts.stream().filter(payload::equals).count();
		// name; then profession, report name and profession; every campaign part and the
		// referrer
		assertThat(exact).as("the payload in the GDPR export, exactly as stored").isGreaterThanOrEqualTo(3);
		assertThat(texts).contains(stored.email);
	}

	/** No markup, script URL or evaluated expression from the payload in an HTML page. */
	private static void assertShownAsText(String html, String payload, String page) {
		if (payload.matches(".*[<>\"'&].*")) {
			assertThat(html).as("%s with %s", page, payload).doesNotContain(payload);
		}
		assertThat(html).as("%s with %s", page, payload)
			.doesNotContain("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>");
		assertThat(SCRIPT_URL.matcher(html).find()).as("%s: a javascript: URL", page).isFalse();
	}

	/** How Thymeleaf writes text in HTML. */
	static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	/**
	 * A CSV text cell as a spreadsheet must get it: a formula prefixed with an
	 * apostrophe.
	 */
	private static String defused(String text) {
		return text.matches("^[=+\\-@\\t\\r].*") ? "'" + text : text;
	}

	/** RFC 4180 rows: quoted cells with doubled quotes, CRLF line ends. */
	private static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				row.add(cell.toString().replaceAll("\r$", ""));
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	private static void collectTexts(JsonNode node, List<String> texts) {
		if (node.isString()) {
			texts.add(node.asString());
		}
		node.valueStream().forEach((child) -> collectTexts(child, texts));
	}

	private static String campaign(String payload) {
		String value = encode(payload);
		return "utm_source=" + value + "&utm_medium=" + value + "&utm_campaign=" + value + "&utm_term=" + value
				+ "&utm_content=" + value;
	}

	private static String email(int i, String channel) {
		return EMAIL_PAYLOADS.get(i % EMAIL_PAYLOADS.size()) + "-" + channel + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private String admin(String path) throws Exception {
		HttpResponse<String> response = adminResponse(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> adminResponse(String path) throws Exception {
		return visitor().send(visitor().request(path).header("Cookie", this.admin).GET());
	}

	private static String cookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static String withoutSpace(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private Visitor visitor() {
		return new Visitor(this.port);
	}

	/** What one submission stored, to be looked for. */
	private static final class Stored {

		final String payload;

		final String email;

		final boolean career;

		String report;

		Stored(String payload, String email, boolean career) {
			this.payload = payload;
			this.email = email;
			this.career = career;
		}

	}

}
