package com.focusedroom.gdpr;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.focusedroom.admin.AdminTestContext;
import com.focusedroom.admin.Fixtures;
import com.focusedroom.audit.Actor;
import com.focusedroom.customer.EmailAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * GDPR requests: the complete data export, erasure and the retention job.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class GdprIntegrationTests {

	// Every table that refers to a customer, directly or through another table. A new
	// table with a customer reference makes this test fail until it is added here, after
	// checking that the export and erasure treat it right.
	private static final Set<String> CUSTOMER_TABLES = Set.of("customer", "big_five_result", "customer_touch",
			"consent_event", "legacy_subscriber", "admin_audit", "ebook_download", "mail_outbox", "consent_request",
			"sign_in_link", "report_pdf");

	// Tables whose rows belong to a customer through a result, without a customer_id.
	private static final String OF_RESULTS = "report_pdf";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private CustomerDataExport data;

	@Autowired
	private Erasures erasures;

	@Autowired
	private RetentionJob retention;

	@Test
	void theExportCoversExactlyTheTablesTheCatalogueSaysReferToACustomer() {
		Set<String> referring = new HashSet<>(this.jdbc.sql("""
				WITH RECURSIVE refs(tbl) AS (
				    SELECT 'customer'::regclass
				    UNION
				    SELECT con.conrelid::regclass FROM pg_constraint con JOIN refs ON con.confrelid = refs.tbl
				    WHERE con.contype = 'f')
				SELECT tbl::text FROM refs
				UNION
				SELECT table_name FROM information_schema.columns
				WHERE column_name = 'customer_id' AND table_schema = current_schema()
				  AND table_name IN (SELECT table_name FROM information_schema.tables
				                     WHERE table_type = 'BASE TABLE' AND table_schema = current_schema())
				""").query(String.class).list());
		assertThat(referring).as("tables that refer to a customer; add new ones to CUSTOMER_TABLES")
			.isEqualTo(CUSTOMER_TABLES);
		assertThat(this.data.tables()).isEqualTo(referring);
	}

	@Test
	void theJsonExportHoldsTheCustomersRowsFromEveryTableAndNobodyElses() throws Exception {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("export"), "Exported", "Pilot", "senior", 1, true);
		long other = Fixtures.customer(this.jdbc, Fixtures.email("other"), "Other", null, null, 1, true);
		Fixtures.report(this.jdbc, id, 10, 20, 30, 40, 50);
		Fixtures.report(this.jdbc, id, 11, 21, 31, 41, 51);
		String othersToken = Fixtures.report(this.jdbc, other, 1, 1, 1, 1, 1);
		String token = this.jdbc.sql("SELECT report_token FROM big_five_result WHERE customer_id = ? AND report_id = 2")
			.param(id)
			.query(String.class)
			.single();
		assertThat(this.mvc.get().uri("/report/{token}.pdf", token)).hasStatusOk();
		assertThat(this.mvc.get().uri("/report/{token}.pdf", othersToken)).hasStatusOk();
		this.jdbc
			.sql("INSERT INTO legacy_subscriber (id, email, name, created_at, customer_id) "
					+ "VALUES (900000 + ?, 'EXPORT@x.com', 'Legacy', now(), ?)")
			.param(id)
			.param(id)
			.update();
		this.mvc.get().uri("/admin/customers/{id}", id).exchange();
		var result = this.mvc.get().uri("/admin/customers/{id}/data.json", id).exchange();
		assertThat(result).hasStatusOk()
			.hasHeader("Content-Disposition", "attachment; filename=\"customer-" + id + ".json\"");
		JsonNode tables = this.json.readTree(result.getResponse().getContentAsString()).get("tables");
		assertThat(tables.get("customer")).hasSize(1);
		assertThat(tables.get("customer").get(0).get("name").asString()).isEqualTo("Exported");
		assertThat(tables.get("big_five_result")).hasSize(2);
		assertThat(tables.get("customer_touch")).hasSize(2);
		assertThat(tables.get("consent_event")).hasSize(1);
		assertThat(tables.get("legacy_subscriber")).hasSize(1);
		assertThat(tables.get("report_pdf")).as("the customer's stored PDF, not the other's")
			.singleElement()
			.satisfies((stored) -> {
				assertThat(stored.has("rendered_at")).isTrue();
				assertThat(stored.has("pdf")).as("the bytes only repeat the result, and are left out").isFalse();
			});
		assertThat(tables.get("admin_audit")).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.has("action")).isTrue();
			assertThat(entry.has("actor")).as("the admin's name is the admin's data").isFalse();
			assertThat(entry.has("remote_address")).as("the admin's address is the admin's data").isFalse();
		});
		for (String table : CUSTOMER_TABLES) {
			assertThat(tables.has(table)).as(table).isTrue();
			for (JsonNode row : tables.get(table)) {
				if (row.has("customer_id")) {
					assertThat(row.get("customer_id").asLong()).as(table).isEqualTo(id);
				}
			}
		}
	}

	@Test
	void aTableAddedLaterIsExportedWithoutACodeChange() throws Exception {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("newtable"), "New", null, null, 1, false);
		String token = Fixtures.report(this.jdbc, id, 1, 2, 3, 4, 5);
		this.jdbc
			.sql("CREATE TABLE report_note (note_id serial PRIMARY KEY, "
					+ "result_id bigint NOT NULL REFERENCES big_five_result (id) ON DELETE CASCADE, note text)")
			.update();
		try {
			this.jdbc
				.sql("INSERT INTO report_note (result_id, note) "
						+ "SELECT id, 'a note' FROM big_five_result WHERE report_token = ?")
				.param(token)
				.update();
			JsonNode tables = this.json
				.readTree(this.mvc.get()
					.uri("/admin/customers/{id}/data.json", id)
					.exchange()
					.getResponse()
					.getContentAsString())
				.get("tables");
			assertThat(tables.get("report_note")).hasSize(1);
			assertThat(tables.get("report_note").get(0).get("note").asString()).isEqualTo("a note");
		}
		finally {
			this.jdbc.sql("DROP TABLE report_note").update();
		}
	}

	@Test
	void noForeignKeyIntoCustomerDataCascadesAndEveryOneIsCheckedAtCommit() {
		List<String> keys = this.jdbc.sql("""
				SELECT con.conrelid::regclass::text || ' -> ' || con.confrelid::regclass::text
				       || (CASE WHEN con.confdeltype = 'c' THEN ' cascades' ELSE '' END)
				       || (CASE WHEN NOT con.condeferred THEN ' is checked per statement' ELSE '' END)
				FROM pg_constraint con
				WHERE con.contype = 'f'
				  AND con.confrelid::regclass::text IN ('customer', 'big_five_result', 'customer_touch')
				""").query(String.class).list();
		assertThat(keys).hasSizeGreaterThanOrEqualTo(6)
			.noneMatch((key) -> key.contains(" cascades"))
			.noneMatch((key) -> key.contains(" per statement"));
	}

	@Test
	void everyOwnerErasesItsOwnTablesAndTogetherTheyCoverEveryCustomerTable() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("owners"), "Owners", null, null, 1, true);
		Fixtures.report(this.jdbc, id, 1, 2, 3, 4, 5);
		assertThat(this.erasures.erase(id, new Actor("test-admin", null))).isTrue();
		String detail = this.jdbc
			.sql("SELECT detail FROM admin_audit WHERE action = 'erase' AND customer_id = ? ORDER BY audit_id DESC")
			.param(id)
			.query(String.class)
			.list()
			.get(0);
		for (String table : CUSTOMER_TABLES) {
			if (!table.equals("admin_audit")) {
				assertThat(detail).as("the erasure's audit entry names every table erased").contains(table + " ");
			}
		}
		assertThat(detail).contains("big_five_result 1", "customer 1", "consent_event 1", "customer_touch 1");
	}

	@Test
	void aCustomerTableWithoutAnOwnerMakesTheErasureFailInsteadOfKeepingData() {
		long id = Fixtures.customer(this.jdbc, Fixtures.email("unowned"), "Unowned", null, null, 1, false);
		this.jdbc
			.sql("CREATE TABLE unowned_note (note_id serial PRIMARY KEY, "
					+ "customer_id bigint NOT NULL REFERENCES customer (customer_id), note text)")
			.update();
		try {
			this.jdbc.sql("INSERT INTO unowned_note (customer_id, note) VALUES (?, 'kept?')").param(id).update();
			assertThatThrownBy(() -> this.erasures.erase(id, new Actor("test-admin", null)))
				.isInstanceOf(DataIntegrityViolationException.class);
			assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", id)).isOne();
		}
		finally {
			this.jdbc.sql("DROP TABLE unowned_note").update();
		}
	}

	@Test
	void erasureRemovesEverythingButTheKeyedHashAndTheAuditAndRecognisesTheAddressLater() {
		String email = Fixtures.email("erase");
		long id = Fixtures.customer(this.jdbc, email, "Erased Person", "Spy", "senior", 1, true);
		String token = Fixtures.report(this.jdbc, id, 10, 20, 30, 40, 50);
		Fixtures.report(this.jdbc, id, 10, 20, 30, 40, 50);
		assertThat(this.mvc.get().uri("/report/{token}.pdf", token)).hasStatusOk();
		List<Long> results = this.jdbc.sql("SELECT id FROM big_five_result WHERE customer_id = ?")
			.param(id)
			.query(Long.class)
			.list();
		this.jdbc
			.sql("INSERT INTO legacy_subscriber (id, email, name, created_at, customer_id) "
					+ "VALUES (800000 + ?, ?, 'Legacy', now(), ?)")
			.param(id)
			.param(email)
			.param(id)
			.update();

		assertThat(this.mvc.post().uri("/admin/customers/{id}/erase", id).with(csrf())).hasStatus3xxRedirection()
			.hasRedirectedUrl("/admin/customers");

		for (String table : CUSTOMER_TABLES) {
			if (!table.equals("admin_audit") && !table.equals(OF_RESULTS)) {
				assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM " + table + " WHERE customer_id = ?", id))
					.as(table)
					.isZero();
			}
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM report_pdf WHERE big_five_result_id = ANY (?) OR compared_with_id = ANY (?)")
			.param(results.toArray(Long[]::new))
			.param(results.toArray(Long[]::new))
			.query(Long.class)
			.single()).as("report_pdf").isZero();
		assertThat(this.mvc.get().uri("/report/{token}", token)).hasStatus(404);
		assertThat(this.mvc.get().uri("/report/{token}.pdf", token)).hasStatus(404);
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'erase' AND customer_id = ? AND actor = 'test-admin'",
				id))
			.isOne();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM admin_audit WHERE detail LIKE ?", "%" + email + "%"))
			.isZero();
		OffsetDateTime erasedAt = this.erasures.erasedAt(EmailAddress.of(email.toUpperCase()).value()).orElseThrow();
		assertThat(erasedAt).isAfter(OffsetDateTime.now().minusMinutes(5));
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM erased_customer WHERE email_hash LIKE ?",
				"%" + email + "%"))
			.isZero();

		long back = Fixtures.customer(this.jdbc, email, "Came Back", null, null, 2, false);
		assertThat(this.mvc.get().uri("/admin/customers/{id}", back)).bodyText().contains("was erased on");
		assertThat(this.mvc.post().uri("/admin/customers/{id}/erase", id).with(csrf())).hasStatus(404);
	}

	@Test
	void theRetentionJobErasesOnlyIdleCustomersWithoutConsent() {
		long idle = Fixtures.customer(this.jdbc, Fixtures.email("idle"), "Idle", null, null, 1, false);
		Fixtures.report(this.jdbc, idle, 1, 1, 1, 1, 1);
		long idleButConsented = Fixtures.customer(this.jdbc, Fixtures.email("consented"), "Consented", null, null, 1,
				true);
		long recent = Fixtures.customer(this.jdbc, Fixtures.email("recent"), "Recent", null, null, 1, false);
		this.jdbc.sql("UPDATE customer SET updated_at = now() - interval '3 years' WHERE customer_id IN (?, ?)")
			.param(idle)
			.param(idleButConsented)
			.update();

		int erased = this.retention.eraseUnconsentedIdleSince(OffsetDateTime.now().minusYears(2));

		assertThat(erased).isPositive();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", idle)).isZero();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM big_five_result WHERE customer_id = ?", idle))
			.isZero();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id IN (?, ?)",
				idleButConsented, recent))
			.isEqualTo(2);
		assertThat(Fixtures.count(this.jdbc,
				"SELECT count(*) FROM admin_audit WHERE action = 'retention_erase' AND customer_id = ? "
						+ "AND actor = 'retention job'",
				idle))
			.isOne();
	}

	@Test
	void theRetentionJobIsOffByDefault() {
		long idle = Fixtures.customer(this.jdbc, Fixtures.email("default-off"), "Idle", null, null, 1, false);
		this.jdbc.sql("UPDATE customer SET updated_at = now() - interval '30 years' WHERE customer_id = ?")
			.param(idle)
			.update();
		this.retention.runScheduled();
		assertThat(Fixtures.count(this.jdbc, "SELECT count(*) FROM customer WHERE customer_id = ?", idle)).isOne();
	}

}
