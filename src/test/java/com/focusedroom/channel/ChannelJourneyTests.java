package com.focusedroom.channel;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person through all three channels, in different orders, over real HTTP: one
 * customer, the first channel kept, a touch per visit, report numbers only for tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChannelJourneyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void webThenEbookThenAppGivesOneCustomerOfTheWebChannelWithThreeTouches() throws Exception {
		String email = "journey.web@example.com";
		web(" Journey.Web@Example.com");
		ebook("JOURNEY.WEB@example.com");
		app("journey.web@EXAMPLE.com ");
		assertOneCustomerWithPath(email, Channel.BIG_FIVE_TEST, List.of(1, 2, 3));
	}

	@Test
	void ebookThenAppThenWebGivesOneCustomerOfTheEbookChannelWithThreeTouches() throws Exception {
		String email = "journey.ebook@example.com";
		ebook(email);
		app(email);
		web(email);
		assertOneCustomerWithPath(email, Channel.EBOOK_DOWNLOAD, List.of(2, 3, 1));
	}

	@Test
	void appThenWebThenEbookGivesOneCustomerOfTheAppChannelWithThreeTouches() throws Exception {
		String email = "journey.app@example.com";
		app(email);
		web(email);
		ebook(email);
		assertOneCustomerWithPath(email, Channel.MOBILE_APP, List.of(3, 1, 2));
	}

	@Test
	void campaignParametersAndTheReferrerGoFromTheLandingPageThroughTheFormIntoTheTouch() throws Exception {
		Visitor visitor = new Visitor(this.port);
		String landing = "/big-five?utm_source=newsletter&utm_medium=email&utm_campaign=autumn%20focus"
				+ "&utm_term=deep+work&utm_content=header-link";
		HttpResponse<String> page = visitor
			.send(visitor.request(landing).header("Referer", "https://partner.example.org/blog/focus"));
		assertThat(page.body()).contains("name=\"utm_source\" value=\"newsletter\"",
				"name=\"utm_campaign\" value=\"autumn focus\"",
				"name=\"referrer\" value=\"https://partner.example.org/blog/focus\"");
		Map<String, String> fields = Visitor.hiddenFields(page.body());
		fields.putAll(Visitor.testForm("utm.web@example.com", 3));
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertThat(visitor.postForm("/big-five", fields, cookie).statusCode()).isEqualTo(303);

		Map<String, Object> touch = touches("utm.web@example.com").get(0);
		assertThat(touch).containsEntry("utm_source", "newsletter")
			.containsEntry("utm_medium", "email")
			.containsEntry("utm_campaign", "autumn focus")
			.containsEntry("utm_term", "deep work")
			.containsEntry("utm_content", "header-link")
			.containsEntry("referrer", "https://partner.example.org/blog/focus");
	}

	@Test
	void theEbookFormCarriesCampaignParametersIntoItsTouch() throws Exception {
		Visitor visitor = new Visitor(this.port);
		HttpResponse<String> response = visitor.submitForm("/ebook?utm_source=podcast&utm_medium=audio", "/ebook",
				Map.of("email", "utm.ebook@example.com"));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(touches("utm.ebook@example.com").get(0)).containsEntry("kind", "ebook")
			.containsEntry("utm_source", "podcast")
			.containsEntry("utm_medium", "audio")
			.containsEntry("utm_campaign", null)
			.containsEntry("referrer", null);
	}

	@Test
	void theAppSendsItsCampaignInTheBody() throws Exception {
		HttpResponse<String> response = new Visitor(this.port).postJson("/api/v1/big-five", Visitor.apiBody(
				"utm.app@example.com", 4, "\"attribution\":{\"utmSource\":\"app-store\",\"utmCampaign\":\"launch\"}"));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(touches("utm.app@example.com").get(0)).containsEntry("channel_id", 3)
			.containsEntry("utm_source", "app-store")
			.containsEntry("utm_campaign", "launch")
			.containsEntry("utm_medium", null);
	}

	@Test
	void overLongCampaignValuesAreCutToWhatIsStoredInsteadOfFailing() throws Exception {
		Visitor visitor = new Visitor(this.port);
		HttpResponse<String> response = visitor.submitForm("/ebook?utm_source=" + "s".repeat(500), "/ebook",
				Map.of("email", "utm.long@example.com"));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(touches("utm.long@example.com").get(0).get("utm_source").toString()).hasSize(200);
	}

	private void assertOneCustomerWithPath(String email, Channel first, List<Integer> channels) {
		List<Map<String, Object>> customers = this.jdbc
			.sql("SELECT customer_id, channel_id FROM customer WHERE email_id = ?")
			.param(email)
			.query()
			.listOfRows();
		assertThat(customers).hasSize(1);
		assertThat(customers.get(0)).containsEntry("channel_id", first.id());
		List<Map<String, Object>> touches = touches(email);
		assertThat(touches).extracting((touch) -> touch.get("channel_id")).containsExactlyElementsOf(channels);
		assertThat(touches).extracting((touch) -> touch.get("kind"))
			.containsExactlyElementsOf(channels.stream().map((id) -> (id == 2) ? "ebook" : "test").toList());
		assertThat(touches).extracting((touch) -> touch.get("report_id"))
			.as("the two tests are reports 1 and 2; the eBook has no report number")
			.containsExactlyElementsOf(numbering(channels));
		// The first and the last touch, as DATABASE_SCHEMA.md shows them.
		Map<String, Object> firstAndLast = this.jdbc.sql("""
				SELECT (SELECT channel_id FROM customer_touch t WHERE t.customer_id = c.customer_id
				        ORDER BY touched_at, touch_id LIMIT 1) AS first_channel,
				       (SELECT channel_id FROM customer_touch t WHERE t.customer_id = c.customer_id
				        ORDER BY touched_at DESC, touch_id DESC LIMIT 1) AS last_channel
				FROM customer c WHERE c.email_id = ?
				""").param(email).query().singleRow();
		assertThat(firstAndLast).containsEntry("first_channel", channels.get(0))
			.containsEntry("last_channel", channels.get(2));
	}

	private static List<Integer> numbering(List<Integer> channels) {
		int next = 1;
		java.util.ArrayList<Integer> numbers = new java.util.ArrayList<>();
		for (int channel : channels) {
			numbers.add((channel == 2) ? null : next++);
		}
		return numbers;
	}

	private List<Map<String, Object>> touches(String email) {
		return this.jdbc.sql("""
				SELECT t.channel_id, t.kind, r.report_id, t.utm_source, t.utm_medium, t.utm_campaign, t.utm_term,
				       t.utm_content, t.referrer
				FROM customer_touch t
				JOIN customer c ON c.customer_id = t.customer_id
				LEFT JOIN big_five_result r ON r.id = t.result_id
				WHERE c.email_id = ?
				ORDER BY t.touched_at, t.touch_id
				""").param(email).query().listOfRows();
	}

	private void web(String email) throws Exception {
		HttpResponse<String> response = new Visitor(this.port).submitForm("/big-five", "/big-five",
				Visitor.testForm(email, 3));
		assertThat(response.statusCode()).isEqualTo(303);
	}

	private void ebook(String email) throws Exception {
		HttpResponse<String> response = new Visitor(this.port).submitForm("/ebook", "/ebook",
				Map.of("email", email, "name", "Journey"));
		assertThat(response.statusCode()).isEqualTo(303);
	}

	private void app(String email) throws Exception {
		HttpResponse<String> response = new Visitor(this.port).postJson("/api/v1/big-five",
				Visitor.apiBody(email.strip(), 2, null));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
