package com.focusedroom.admin;

import java.util.List;
import java.util.Random;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.scoring.Responders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin area shows each report's careless-answering flag and language, and the
 * dashboard's averages leave flagged reports out unless asked (issue 11).
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class AnswerCheckAdminIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Assessments assessments;

	@Autowired
	private Statistics statistics;

	@Autowired
	private JsonMapper json;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDashboardLeavesFlaggedReportsOutOfTheAveragesUnlessIncluded() {
		Statistics.Dashboard before = this.statistics.dashboard(false);
		// Two customers whose latest report is all 5s and all 1s: flagged, scores 100 and
		// 0.
		submit(Responders.same(5), "fr", null);
		submit(Responders.same(1), "fr", null);
		Statistics.Dashboard after = this.statistics.dashboard(false);
		assertThat(after.flaggedLatestReports()).isEqualTo(before.flaggedLatestReports() + 2);
		assertThat(values(after.averageTraits())).as("flagged reports change no average")
			.isEqualTo(values(before.averageTraits()));
		submit(Responders.same(5), "en", null);
		Statistics.Dashboard included = this.statistics.dashboard(true);
		assertThat(values(included.averageTraits()))
			.isNotEqualTo(values(this.statistics.dashboard(false).averageTraits()));

		assertThat(this.mvc.get().uri("/admin")).hasStatusOk()
			.bodyText()
			.contains("reports flagged as careless or invalid answering are left out")
			.contains("/admin?flagged=include");
		assertThat(this.mvc.get().uri("/admin?flagged=include")).hasStatusOk()
			.bodyText()
			.contains("Includes " + included.flaggedLatestReports() + " reports flagged")
			.contains("Leave them out");
	}

	@Test
	void theCustomersPageShowsEachReportsFlagWithItsReasonsAndItsLanguage() throws Exception {
		long customer = submit(Responders.same(3), "pt-br", null);
		EmailAddress email = emailOf(customer);
		this.assessments.submit(email, Demographics.none(), NewsletterChoice.notTicked(),
				Responders.careful(new Random(42)), Channel.MOBILE_APP, Attribution.none(), "fr", 900);
		String page = this.mvc.get()
			.uri("/admin/customers/{id}", customer)
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Looks careless", "Long runs of the same answer (120, limit 13)",
				"Mostly neutral answers", ">pt-br<", ">fr<", ">OK<", "15 min 0 s");
	}

	@Test
	void theGdprExportHoldsTheNewColumns() throws Exception {
		long customer = submit(Responders.careful(new Random(1)), "fr", 600);
		var result = this.mvc.get().uri("/admin/customers/{id}/data.json", customer).exchange();
		assertThat(result).hasStatusOk();
		JsonNode row = this.json.readTree(result.getResponse().getContentAsString())
			.path("tables")
			.path("big_five_result")
			.get(0);
		assertThat(row.path("language").asString()).isEqualTo("fr");
		assertThat(row.path("seconds_taken").asInt()).isEqualTo(600);
		assertThat(row.path("validity").toString()).contains("likelyInvalid", "long-run", "speed");
		assertThat(row.has("translation_fixes")).isTrue();
	}

	private long submit(List<Integer> answers, String language, Integer seconds) {
		return this.assessments
			.submit(EmailAddress.of("admin-check." + System.nanoTime() + "@example.com"), Demographics.none(),
					NewsletterChoice.notTicked(), answers, Channel.MOBILE_APP, Attribution.none(), language, seconds)
			.customerId();
	}

	private EmailAddress emailOf(long customer) {
		return EmailAddress.of(this.jdbc.sql("SELECT email_id FROM customer WHERE customer_id = ?")
			.param(customer)
			.query(String.class)
			.single());
	}

	private static List<String> values(Charts.BarChart chart) {
		return chart.bars().stream().map(String::valueOf).toList();
	}

}
