package com.focusedroom.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The customer pages against the embedded PostgreSQL: search, detail, rectification and
 * the CSV export.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class CustomerAdminIntegrationTests {

	/**
	 * One second before midnight: the export is named after the clock's day, not the
	 * machine's.
	 */
	static final Instant NOW = Instant.parse("2026-03-01T23:59:59Z");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Test
	void aMixedCaseEmailWithSpacesFindsTheCustomer() {
		String email = Fixtures.email("grace.search");
		Fixtures.customer(this.jdbc, email, "Grace Hopper", "Admiral", "senior", 1, true);
		String typed = "  " + email.substring(0, 12).toUpperCase() + " ";
		assertThat(this.mvc.get().uri("/admin/customers").param("q", typed)).hasStatusOk()
			.bodyText()
			.contains(email)
			.contains("Grace Hopper");
	}

	@Test
	void nameAndProfessionAreFoundByAnyPartAndFiltersNarrowTheList() {
		String marker = "zq" + Long.toString(System.nanoTime(), 36);
		String optedIn = Fixtures.email("filter-a");
		String notOptedIn = Fixtures.email("filter-b");
		Fixtures.customer(this.jdbc, optedIn, "Ann " + marker, "Baker", "student", 2, true);
		Fixtures.customer(this.jdbc, notOptedIn, "Bob", "Chief " + marker + " officer", "student", 1, false);
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker.toUpperCase())).bodyText()
			.contains(optedIn, notOptedIn);
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker).param("optIn", "true")).bodyText()
			.contains(optedIn)
			.doesNotContain(notOptedIn);
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker).param("channel", "1")).bodyText()
			.contains(notOptedIn)
			.doesNotContain(optedIn);
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker).param("careerStage", "SENIOR")).bodyText()
			.contains("No customers match");
	}

	@Test
	void substringSearchCanUseTheTrigramIndexes() {
		String plan = this.transactions.execute((status) -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			CustomerFilter filter = new CustomerFilter("lovelace", null, null, null);
			var explain = this.jdbc.sql("EXPLAIN SELECT count(*) FROM customer c " + filter.where());
			for (var parameter : filter.parameters().entrySet()) {
				explain = explain.param(parameter.getKey(), parameter.getValue());
			}
			return String.join("\n", explain.query(String.class).list());
		});
		assertThat(plan).contains("customer_email_trgm_idx", "customer_name_trgm_idx", "customer_profession_trgm_idx");
	}

	@Test
	void likeWildcardsInTheSearchAreTakenLiterally() {
		String email = Fixtures.email("wild");
		Fixtures.customer(this.jdbc, email, "Percent", null, null, 1, false);
		assertThat(this.mvc.get().uri("/admin/customers").param("q", "%_%_%_%_%_%_%_%_%_%_%_%_%_%")).bodyText()
			.contains("No customers match");
	}

	@Test
	void theListIsPagedAndSortedByTheDatabase() {
		String marker = "page" + Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < 30; i++) {
			Fixtures.customer(this.jdbc, marker + "-" + (100 + i) + "@example.com", "P" + i, null, null, 1, false);
		}
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker).param("sort", "email")).bodyText()
			.contains("1–25 of 30 customers", marker + "-100@example.com", marker + "-124@example.com")
			.doesNotContain(marker + "-125@example.com");
		assertThat(this.mvc.get().uri("/admin/customers").param("q", marker).param("sort", "email").param("page", "1"))
			.bodyText()
			.contains("26–30 of 30 customers", marker + "-129@example.com")
			.doesNotContain(marker + "-100@example.com");
	}

	@Test
	void theCustomerPageShowsEveryReportWithItsLinkAndTheChangeBetweenThem() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("reports"), "Rita", "Nurse", "mid_career", 1, true);
		String first = Fixtures.report(this.jdbc, id, 50, 60, 40, 70, 30);
		String second = Fixtures.report(this.jdbc, id, 55, 58, 40, 70, 30);
		assertThat(this.mvc.get().uri("/admin/customers/{id}", id)).hasStatusOk()
			.bodyText()
			.contains("/report/" + first, "/report/" + second, "Report 1", "Report 2")
			.contains("(+5)", "(−2)", "(±0)")
			.contains("newsletter", "grant", "Mid career");
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'view_customer' AND customer_id = ?", id))
			.isOne();
	}

	@Test
	void anUnknownCustomerIsANotFoundPage() {
		assertThat(this.mvc.get().uri("/admin/customers/{id}", Long.MAX_VALUE)).hasStatus(404);
	}

	@Test
	void aScriptInANameIsShownAsText() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("xss"), "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
				null, 1, true);
		assertThat(this.mvc.get().uri("/admin/customers/{id}", id)).bodyText()
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");
		assertThat(this.mvc.get().uri("/admin/customers").param("q", "script")).bodyText()
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void rectifiedDemographicsAreStoredAndAuditedByFieldName() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("rectify"), "Old Name", "Clerk", "student", 1, false);
		assertThat(this.mvc.post()
			.uri("/admin/customers/{id}/demographics", id)
			.param("name", "New Name")
			.param("age", "41")
			.param("profession", "Clerk")
			.param("careerStage", "SENIOR")
			.param("primaryGoal", "")
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/admin/customers/" + id);
		var row = this.jdbc.sql("SELECT name, age, career_stage, purpose FROM customer WHERE customer_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", "New Name")
			.containsEntry("age", 41)
			.containsEntry("career_stage", "senior");
		assertThat(row.get("purpose")).isNull();
		assertThat(this.jdbc.sql("SELECT detail FROM admin_audit WHERE action = 'rectify' AND customer_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("changed: name, age, career stage, primary goal").doesNotContain("New Name");
	}

	@Test
	void aControlCharacterInTheRectificationFormIsCleanedAsOnThePublicForms() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("nul"), "Old Name", "Clerk", null, 1, false);
		assertThat(this.mvc.post()
			.uri("/admin/customers/{id}/demographics", id)
			.param("name", "Ada\u0000 Lovelace\u0007")
			.param("profession", " \u0000 ")
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/admin/customers/" + id);
		var row = this.jdbc.sql("SELECT name, profession FROM customer WHERE customer_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", "Ada Lovelace");
		assertThat(row.get("profession")).isNull();
	}

	@Test
	void anInvalidRectificationComesBackWithTheMessageAndChangesNothing() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("invalid"), "Keep Me", null, null, 1, false);
		assertThat(this.mvc.post()
			.uri("/admin/customers/{id}/demographics", id)
			.param("name", "Changed")
			.param("age", "7")
			.with(csrf())).hasStatus(422).bodyText().contains("Enter an age between 13 and 120.").contains("Changed");
		assertThat(this.mvc.post()
			.uri("/admin/customers/{id}/demographics", id)
			.param("name", "Changed")
			.param("age", "old")
			.with(csrf())).hasStatus(422);
		assertThat(
				this.jdbc.sql("SELECT name FROM customer WHERE customer_id = ?").param(id).query(String.class).single())
			.isEqualTo("Keep Me");
	}

	@Test
	void theCsvHoldsOnlyOptedInCustomersUnlessAskedAndDefusesFormulas() throws Exception {
		String marker = "csv" + Long.toString(System.nanoTime(), 36);
		Fixtures.customer(this.jdbc, marker + "-in@example.com", "=cmd|' /C calc'!A0", "@SUM(1+1)", null, 1, true);
		Fixtures.customer(this.jdbc, marker + "-out@example.com", "Quote \"me\", please", "-2+3", null, 1, false);
		var optedIn = this.mvc.get().uri("/admin/customers/export.csv").param("q", marker).exchange();
		assertThat(optedIn).hasStatusOk()
			.hasHeader("Content-Disposition", "attachment; filename=\"customers-2026-03-01.csv\"");
		String csv = optedIn.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(String.join(",", CustomerExport.HEADER));
		assertThat(lines.get(1)).contains("\"" + marker + "-in@example.com\"", "\"'=cmd|' /C calc'!A0\"",
				"\"'@SUM(1+1)\"");
		String all = this.mvc.get()
			.uri("/admin/customers/export.csv")
			.param("q", marker)
			.param("includeWithoutConsent", "true")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(all.lines()).hasSize(3);
		assertThat(all).contains("\"Quote \"\"me\"\", please\"", "\"'-2+3\"");
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'export_csv' AND detail = 'filters: search, opt-in=true'"))
			.isPositive();
	}

	@Test
	void theAuditLogIsShownAndCannotBeChanged() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("audit"), "Audited", null, null, 1, false);
		this.mvc.get().uri("/admin/customers/{id}", id).exchange();
		assertThat(this.mvc.get().uri("/admin/audit").param("customer", String.valueOf(id))).hasStatusOk()
			.bodyText()
			.contains("Viewed customer", "test-admin", "127.0.0.1");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("UPDATE admin_audit SET actor = 'someone else'").update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM admin_audit").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theDashboardShowsTheNumbersAndCharts() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("dash"), "Dash", null, "career_change", 3, true);
		Fixtures.report(this.jdbc, id, 50, 50, 50, 50, 50);
		assertThat(this.mvc.get().uri("/admin")).hasStatusOk()
			.bodyText()
			.contains("New customers per week", "Average trait profile", "Career stages", "Primary goals")
			.contains("Changing career", "Mobile App", "<svg", "Openness");
	}

	@Test
	void aSearchWithANulCharacterIsAnsweredNotAServerError() {
		// Found by the security scan (scripts/security-scan.sh): PostgreSQL refuses NUL.
		assertThat(this.mvc.get().uri("/admin/customers?q=%2Fe%00&sort=newest")).hasStatusOk();
		assertThat(this.mvc.get().uri("/admin/customers/export.csv?q=%2Fe%00&includeWithoutConsent=true"))
			.hasStatusOk();
	}

	@Test
	void theDashboardNumbersAreTheDatabasesAndCountANewReturningCustomer() throws Exception {
		long optedIn = Fixtures.customer(this.jdbc, Fixtures.email("dash-returning"), "Twice", null, "student", 1,
				true);
		Fixtures.report(this.jdbc, optedIn, 40, 40, 40, 40, 40);
		Fixtures.report(this.jdbc, optedIn, 60, 60, 60, 60, 60);
		Fixtures.customer(this.jdbc, Fixtures.email("dash-once"), "Once", null, null, 2, false);
		String page = this.mvc.get().uri("/admin").exchange().getResponse().getContentAsString();
		long customers = count("SELECT count(*) FROM customer");
		long tests = count("SELECT count(*) FROM big_five_result");
		long returning = count("SELECT count(*) FROM (SELECT customer_id FROM big_five_result GROUP BY customer_id"
				+ " HAVING count(*) > 1) AS r");
		long opted = count("SELECT count(*) FROM customer WHERE opt_in");
		assertThat(returning).isPositive();
		assertThat(number(page, "total-customers")).isEqualTo(String.valueOf(customers));
		assertThat(number(page, "total-tests")).isEqualTo(String.valueOf(tests));
		assertThat(number(page, "returning-customers")).isEqualTo(String.valueOf(returning));
		assertThat(number(page, "opt-in-rate"))
			.isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * opted / customers));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String number(String page, String id) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<")
			.matcher(page);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1);
	}

	@Test
	void theIntegrityPageIsGreenOnAHealthyDatabaseAndListsOffendingRows() {
		assertThat(this.mvc.get().uri("/admin/integrity")).hasStatusOk()
			.bodyText()
			.contains("All checks pass.", "Report ID Tracking: OK",
					"SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) &gt; 1");
		long id = Fixtures.customer(this.jdbc, Fixtures.email("broken"), "Broken", null, null, 1, false);
		this.jdbc
			.sql("INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id) "
					+ "VALUES (?, 2, '{}', '', 1)")
			.param(id)
			.update();
		try {
			assertThat(this.mvc.get().uri("/admin/integrity")).bodyText()
				.contains("Some checks fail", "FAILED for customer_id " + id, "<td>" + id + "</td>", "<td>2</td>");
		}
		finally {
			this.jdbc.sql("DELETE FROM big_five_result WHERE customer_id = ?").param(id).update();
		}
	}

}
