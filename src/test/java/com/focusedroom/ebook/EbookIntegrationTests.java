package com.focusedroom.ebook;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.focusedroom.channel.Visitor;
import com.focusedroom.consent.Consents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eBook download (channel 2) end to end over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EbookIntegrationTests {

	private static final String DOWNLOAD = "/ebook/download/[0-9a-f]{64}";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Consents consents;

	@Test
	void aNewEmailBecomesAnEbookCustomerAndIsAnsweredWithADownloadOfThePdf() throws Exception {
		HttpResponse<String> response = request(Map.of("email", " New.Reader@Example.com ", "name", "Nora"));
		assertThat(response.statusCode()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(DOWNLOAD);

		HttpResponse<byte[]> download = visitor().getBytes(location);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("focusedroom-focused-work-by-personality.pdf");
		try (PDDocument pdf = Loader.loadPDF(download.body())) {
			assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(10);
		}

		Map<String, Object> customer = this.jdbc
			.sql("SELECT customer_id, name, channel_id, opt_in FROM customer WHERE email_id = 'new.reader@example.com'")
			.query()
			.singleRow();
		assertThat(customer).containsEntry("name", "Nora")
			.containsEntry("channel_id", 2)
			.containsEntry("opt_in", false);
		List<Map<String, Object>> touches = this.jdbc
			.sql("SELECT kind, channel_id, result_id FROM customer_touch WHERE customer_id = ?")
			.param(customer.get("customer_id"))
			.query()
			.listOfRows();
		assertThat(touches).hasSize(1);
		assertThat(touches.get(0)).containsEntry("kind", "ebook")
			.containsEntry("channel_id", 2)
			.containsEntry("result_id", null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM big_five_result WHERE customer_id = ?")
			.param(customer.get("customer_id"))
			.query(Long.class)
			.single()).as("an eBook is not a report").isZero();
	}

	@Test
	void aKnownEmailIsNotDuplicatedKeepsItsFirstChannelAndGetsTheSameKindOfAnswer() throws Exception {
		HttpResponse<String> test = visitor().submitForm("/big-five", "/big-five",
				Visitor.testForm("known.reader@example.com", 3));
		assertThat(test.statusCode()).isEqualTo(303);

		HttpResponse<String> known = request(Map.of("email", "KNOWN.reader@example.com"));
		HttpResponse<String> unknown = request(Map.of("email", "unknown.reader@example.com"));
		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(303);
		assertThat(known.headers().firstValue("Location").orElseThrow()).matches(DOWNLOAD);
		assertThat(unknown.headers().firstValue("Location").orElseThrow()).matches(DOWNLOAD);
		assertThat(known.body()).isEqualTo(unknown.body());
		assertThat(headerNames(known)).isEqualTo(headerNames(unknown));

		assertThat(this.jdbc.sql("SELECT channel_id FROM customer WHERE email_id = 'known.reader@example.com'")
			.query(Integer.class)
			.list()).containsExactly(1);
		assertThat(this.jdbc.sql("""
				SELECT t.kind FROM customer_touch t JOIN customer c USING (customer_id)
				WHERE c.email_id = 'known.reader@example.com' ORDER BY t.touched_at, t.touch_id
				""").query(String.class).list()).containsExactly("test", "ebook");
	}

	@Test
	void aRepeatedRequestGetsTheSameLinkAndAddsNoRowsAndARepeatedOptInAddsNoConsentEvent() throws Exception {
		Map<String, String> form = Map.of("email", "twice@example.com", "optIn", "true", "ageConfirmed", "true");
		String first = request(form).headers().firstValue("Location").orElseThrow();
		String second = request(form).headers().firstValue("Location").orElseThrow();
		String third = request(form).headers().firstValue("Location").orElseThrow();
		assertThat(second).isEqualTo(first);
		assertThat(third).isEqualTo(first);
		String customer = "customer_id = (SELECT customer_id FROM customer WHERE email_id = 'twice@example.com')";
		assertThat(count("ebook_download WHERE " + customer)).isEqualTo(1);
		assertThat(count("customer_touch WHERE " + customer)).isEqualTo(1);
		assertThat(count("consent_request WHERE " + customer)).as("one pending request").isEqualTo(1);
		assertThat(count("mail_outbox WHERE kind = 'newsletter_confirmation' AND " + customer))
			.as("one confirmation mail")
			.isEqualTo(1);
		assertThat(count("consent_event WHERE " + customer)).as("nothing granted before the link").isZero();
		assertThat(this.consents.confirm(Visitor.confirmationToken(this.jdbc, "twice@example.com")))
			.isEqualTo(Consents.Confirmation.NOW);
		assertThat(request(form).headers().firstValue("Location")).hasValue(first);
		assertThat(count("consent_event WHERE " + customer)).as("one grant of the same wording").isEqualTo(1);
		assertThat(count("consent_request WHERE " + customer)).as("no new request once granted").isEqualTo(1);
		assertThat(visitor().getBytes(first).statusCode()).isEqualTo(200);
		assertThat(visitor().getBytes(first).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownOrMalformedDownloadLinkIsNotFound() throws Exception {
		HttpResponse<String> unknown = visitor().send(visitor().request("/ebook/download/" + "0".repeat(64))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(unknown.body()).contains("We do not know this download link", "href=\"/ebook\"");
		assertThat(visitor().get("/ebook/download/1").statusCode()).isEqualTo(404);
		assertThat(visitor().get("/ebook/download/%27%20OR%201=1").statusCode()).isEqualTo(404);
	}

	@Test
	void aBadEmailComesBackAt422WithTheMessageAndTheNameKeptAndNothingStored() throws Exception {
		long customers = count("customer");
		HttpResponse<String> response = request(Map.of("email", "not-an-email", "name", "Kept Name"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Enter an email address like name@example.com.", "value=\"Kept Name\"",
				"value=\"not-an-email\"");
		assertThat(count("customer")).isEqualTo(customers);
	}

	@Test
	void theFormShowsTheStoredConsentTextItsVersionAndThePolicies() throws Exception {
		String page = visitor().get("/ebook").body();
		String stored = this.jdbc.sql("SELECT text FROM consent_text WHERE version = '2026-11'")
			.query(String.class)
			.single();
		assertThat(page).contains(stored.replace("'", "&#39;"))
			.contains("name=\"consentVersion\" value=\"2026-11\"")
			.contains("Leaving the box unticked never cancels a subscription you already have")
			.contains("You must be 16 or older to subscribe")
			.contains("I am 16 or older");
	}

	@Test
	void tickingTheNewsletterWithoutConfirmingTheAgeIsRefusedAtTheAgeBox() throws Exception {
		HttpResponse<String> response = request(Map.of("email", "young.reader@example.com", "optIn", "true"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Confirm your age to subscribe");
		assertThat(count("customer WHERE email_id = 'young.reader@example.com'")).isZero();
	}

	@Test
	void aTickedBoxIsRecordedAsAPendingRequestOfTheVersionShownFromTheEbookForm() throws Exception {
		HttpResponse<String> response = request(
				Map.of("email", "subscriber.reader@example.com", "optIn", "true", "ageConfirmed", "true"));
		assertThat(response.statusCode()).isEqualTo(303);
		// Double opt-in (decision 0012): pending until the mailed link is confirmed.
		Map<String, Object> request = this.jdbc.sql("""
				SELECT r.channel_id, r.source, t.version, c.opt_in, r.confirmed_at IS NULL AS pending
				FROM consent_request r JOIN consent_text t USING (consent_text_id) JOIN customer c USING (customer_id)
				WHERE c.email_id = 'subscriber.reader@example.com'
				""").query().singleRow();
		assertThat(request).containsEntry("pending", true)
			.containsEntry("channel_id", 2)
			.containsEntry("source", "ebook_form")
			.containsEntry("version", "2026-11")
			.containsEntry("opt_in", false);
	}

	@Test
	void aFormClaimingAWordingWeNeverShowedIsRefusedAtTheBoxAndNothingIsStored() throws Exception {
		HttpResponse<String> response = request(Map.of("email", "forged.reader@example.com", "optIn", "true",
				"ageConfirmed", "true", "consentVersion", "1999-01"));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("We never showed a consent text with this version",
				"value=\"forged.reader@example.com\"");
		assertThat(count("customer WHERE email_id = 'forged.reader@example.com'")).isZero();
	}

	@Test
	void aKnownMinorCannotOptInThroughTheEbookForm() throws Exception {
		Map<String, String> test = Visitor.testForm("minor.reader@example.com", 3);
		test.put("age", "14");
		assertThat(visitor().submitForm("/big-five", "/big-five", test).statusCode()).isEqualTo(303);
		HttpResponse<String> response = request(
				Map.of("email", "minor.reader@example.com", "optIn", "true", "ageConfirmed", "true"));
		assertThat(response.statusCode()).as("the same answer as for anyone").isEqualTo(303);
		assertThat(this.jdbc.sql("SELECT opt_in FROM customer WHERE email_id = 'minor.reader@example.com'")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(count("consent_event e JOIN customer c USING (customer_id) "
				+ "WHERE c.email_id = 'minor.reader@example.com'"))
			.isZero();
	}

	@Test
	void anOversizedFormIsAnswered413WithOurPageAndNothingIsStored() throws Exception {
		HttpResponse<String> response = request(Map.of("email", "oversized@example.com", "name", "x".repeat(100_000)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("That was more than we can take");
		assertThat(count("customer WHERE email_id = 'oversized@example.com'")).isZero();
	}

	@Test
	void aPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> response = visitor().postForm("/ebook", Map.of("email", "csrf@example.com"), null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(count("customer WHERE email_id = 'csrf@example.com'")).isZero();
	}

	private HttpResponse<String> request(Map<String, String> fields) throws Exception {
		return visitor().submitForm("/ebook", "/ebook", fields);
	}

	private Visitor visitor() {
		return new Visitor(this.port);
	}

	private long count(String from) {
		return this.jdbc.sql("SELECT count(*) FROM " + from).query(Long.class).single();
	}

	private static List<String> headerNames(HttpResponse<String> response) {
		return response.headers().map().keySet().stream().map(String::toLowerCase).sorted().toList();
	}

}
