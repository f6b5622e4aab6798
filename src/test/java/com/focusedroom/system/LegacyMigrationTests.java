package com.focusedroom.system;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero data loss: a legacy database (the fixture {@code legacy/legacy-database.sql}, with
 * case duplicates, blanks, nulls and an orphan result) migrates through the shipped
 * Flyway migrations, and every legacy result survives under the right customer.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LegacyMigrationTests {

	private EmbeddedPostgres server;

	private DataSource legacyDatabase;

	private JdbcClient legacy;

	private Map<Long, LegacyResult> before;

	@BeforeAll
	void migrateTheLegacyFixture() throws IOException {
		this.server = EmbeddedPostgres.builder().start();
		JdbcClient admin = JdbcClient.create(this.server.getPostgresDatabase());
		admin.sql("CREATE DATABASE legacy").update();
		admin.sql("CREATE DATABASE fresh").update();
		DataSource legacyDatabase = this.server.getDatabase("postgres", "legacy");
		this.legacyDatabase = legacyDatabase;
		this.legacy = JdbcClient.create(legacyDatabase);
		new ResourceDatabasePopulator(new ClassPathResource("legacy/legacy-database.sql")).execute(legacyDatabase);
		this.before = this.legacy
			.sql("SELECT r.id, r.subscriber_id, r.scores::text AS scores, r.suggestions, r.created_at, s.email "
					+ "FROM big_five_result r LEFT JOIN subscriber s ON s.id = r.subscriber_id")
			.query((rs, row) -> new LegacyResult(rs.getLong("id"), rs.getString("email"), rs.getString("scores"),
					rs.getString("suggestions"), rs.getObject("created_at", LocalDateTime.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(LegacyResult::id, (result) -> result));
		migrate(legacyDatabase);
		migrate(this.server.getDatabase("postgres", "fresh"));
	}

	private static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.load()
			.migrate();
	}

	@AfterAll
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void everyLegacyResultSurvivesWithItsContent() {
		assertThat(this.before).hasSize(50);
		Map<Long, MigratedResult> after = migratedResults();
		assertThat(after.keySet()).isEqualTo(this.before.keySet());
		for (LegacyResult old : this.before.values()) {
			MigratedResult migrated = after.get(old.id());
			if (old.scores() != null) {
				assertThat(this.legacy.sql("SELECT ?::jsonb = ?::jsonb")
					.params(old.scores(), migrated.scores())
					.query(Boolean.class)
					.single()).as("scores of result %d", old.id()).isTrue();
				assertThat(migrated.suggestions()).isEqualTo(old.suggestions());
				assertThat(migrated.createdAt().toLocalDateTime()).isEqualTo(old.createdAt());
			}
		}
	}

	@Test
	void aResultWithoutContentIsKeptWithEmptyScoresAndItsSubscribersTime() {
		MigratedResult empty = migratedResults().get(47L);
		assertThat(empty.scores()).isEqualTo("{}");
		assertThat(empty.suggestions()).isEmpty();
		assertThat(empty.createdAt()).isEqualTo(utc("2024-07-02T10:00"));
		assertThat(empty.email()).isEqualTo("legacy-subscriber-50@invalid");
	}

	@Test
	void everyResultPointsAtTheCustomerOfItsNormalisedEmail() {
		Map<Long, MigratedResult> after = migratedResults();
		for (LegacyResult old : this.before.values()) {
			if (old.email() != null && !old.email().isBlank()) {
				assertThat(after.get(old.id()).email()).as("owner of result %d", old.id())
					.isEqualTo(old.email().strip().toLowerCase());
			}
		}
	}

	@Test
	void duplicateEmailsMergeIntoTheEarliestSubscriber() {
		assertThat(customerIdOf("person01@example.com")).isEqualTo(48);
		assertThat(customerIdOf("ann.lee@example.com")).isEqualTo(42);
		assertThat(customerIdOf("bob@example.org")).as("a created_at tie goes to the lower id").isEqualTo(44);
		assertThat(customerIdOf("carol@example.net")).isEqualTo(47);
		assertThat(customerIdOf("dave@example.com")).as("a missing created_at is never the earliest").isEqualTo(52);
		assertThat(this.legacy.sql("SELECT create_dt FROM customer WHERE customer_id = 42")
			.query(OffsetDateTime.class)
			.single()).isEqualTo(utc("2024-02-01T08:00"));
		assertThat(this.legacy.sql("SELECT email_id, COUNT(*) FROM customer GROUP BY email_id HAVING COUNT(*) > 1")
			.query()
			.listOfRows()).isEmpty();
		assertThat(count("SELECT count(*) FROM customer")).isEqualTo(47);
	}

	@Test
	void mergedCustomersKeepTheLatestNameThatWasNotBlank() {
		assertThat(nameOf(42)).isEqualTo("Ann L.");
		assertThat(nameOf(44)).isEqualTo("Bobby");
		assertThat(nameOf(47)).isEqualTo("Carol");
		assertThat(nameOf(48)).isEqualTo("Person 01");
	}

	@Test
	void reportsAreNumberedOneToNByCreationTimeThenId() {
		assertThat(reportIds(5)).containsExactly(List.of(1, 5L), List.of(2, 37L), List.of(3, 39L), List.of(4, 38L));
		assertThat(reportIds(42)).containsExactly(List.of(1, 42L), List.of(2, 40L), List.of(3, 41L));
		assertThat(reportIds(48)).containsExactly(List.of(1, 45L), List.of(2, 1L));
		assertThat(reportIds(52)).containsExactly(List.of(1, 48L), List.of(2, 50L));
		assertThat(count("SELECT count(*) FROM (SELECT customer_id FROM big_five_result GROUP BY customer_id "
				+ "HAVING max(report_id) <> count(*) OR min(report_id) <> 1) AS broken"))
			.isZero();
	}

	@Test
	void everyLegacySubscriberRowIsKeptWithTheCustomerItBecame() {
		assertThat(count("SELECT count(*) FROM legacy_subscriber")).isEqualTo(52);
		assertThat(this.legacy.sql("SELECT customer_id FROM legacy_subscriber WHERE id IN (41, 42, 43)")
			.query(Long.class)
			.list()).containsOnly(42L);
		assertThat(this.legacy.sql("SELECT email FROM legacy_subscriber WHERE id = 46").query(String.class).single())
			.isEqualTo("\tcarol@example.net\n");
	}

	@Test
	void theOrphanResultAndEmaillessSubscribersKeepTheirOwnCustomers() {
		assertThat(migratedResults().get(49L).email()).isEqualTo("legacy-unassigned-results@invalid");
		assertThat(customerIdOf("legacy-subscriber-49@invalid")).isEqualTo(49);
		assertThat(customerIdOf("legacy-subscriber-50@invalid")).isEqualTo(50);
	}

	@Test
	void legacySqlStillReadsSubscriberAndJoinsResults() {
		List<Map<String, Object>> rows = this.legacy
			.sql("SELECT s.email, s.name, r.suggestions FROM subscriber s "
					+ "JOIN big_five_result r ON r.subscriber_id = s.id WHERE s.id = 5 ORDER BY r.created_at")
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("suggestions"))
			.containsExactly("Legacy advice 5", "Second test of person 05", "Third test of person 05",
					"Fourth test of person 05");
		assertThat(rows.get(0)).containsEntry("email", "person05@example.com").containsEntry("name", "Person 05");
	}

	@Test
	void migratedCustomersCameThroughTheTestAndGaveNoConsent() {
		assertThat(count("SELECT count(*) FROM customer WHERE channel_id <> 1 OR opt_in")).isZero();
	}

	@Test
	void newRowsContinueAfterTheLegacyIds() {
		// rolled back, so the other tests see the migrated data only
		new TransactionTemplate(new DataSourceTransactionManager(this.legacyDatabase)).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			assertNewRowsContinueAfterTheLegacyIds();
		});
	}

	private void assertNewRowsContinueAfterTheLegacyIds() {
		long customer = this.legacy
			.sql("INSERT INTO customer (email_id, channel_id) VALUES ('new@example.com', 1) " + "RETURNING customer_id")
			.query(Long.class)
			.single();
		long result = this.legacy
			.sql("INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id) "
					+ "VALUES (?, 1, '{}', '', 1) RETURNING id")
			.param(customer)
			.query(Long.class)
			.single();
		assertThat(customer).isGreaterThan(53);
		assertThat(result).isGreaterThan(50);
	}

	@Test
	void aFreshAndAMigratedLegacyDatabaseHaveTheSameSchema() {
		JdbcClient fresh = JdbcClient.create(this.server.getDatabase("postgres", "fresh"));
		for (String query : SCHEMA_QUERIES) {
			assertThat(fresh.sql(query).query().listOfRows()).as(query)
				.isNotEmpty()
				.isEqualTo(this.legacy.sql(query).query().listOfRows());
		}
	}

	private static final List<String> SCHEMA_QUERIES = List.of(
			"SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
			"SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, is_nullable, "
					+ "column_default, is_identity, is_generated, generation_expression "
					+ "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 3",
			"SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint "
					+ "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
			"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
			"SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1",
			"SELECT sequencename, data_type FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");

	private Map<Long, MigratedResult> migratedResults() {
		return this.legacy
			.sql("SELECT r.id, c.email_id, r.scores::text AS scores, r.suggestions, r.created_at "
					+ "FROM big_five_result r JOIN customer c ON c.customer_id = r.customer_id")
			.query((rs, row) -> new MigratedResult(rs.getLong("id"), rs.getString("email_id"), rs.getString("scores"),
					rs.getString("suggestions"), rs.getObject("created_at", OffsetDateTime.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(MigratedResult::id, (result) -> result));
	}

	private List<List<Object>> reportIds(long customerId) {
		return this.legacy.sql("SELECT report_id, id FROM big_five_result WHERE customer_id = ? ORDER BY report_id")
			.param(customerId)
			.query((rs, row) -> List.<Object>of(rs.getInt("report_id"), rs.getLong("id")))
			.list();
	}

	private long customerIdOf(String email) {
		return this.legacy.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private String nameOf(long customerId) {
		return this.legacy.sql("SELECT name FROM customer WHERE customer_id = ?")
			.param(customerId)
			.query(String.class)
			.single();
	}

	private long count(String sql) {
		return this.legacy.sql(sql).query(Long.class).single();
	}

	private static OffsetDateTime utc(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atOffset(ZoneOffset.UTC);
	}

	private record LegacyResult(long id, String email, String scores, String suggestions, LocalDateTime createdAt) {
	}

	private record MigratedResult(long id, String email, String scores, String suggestions, OffsetDateTime createdAt) {
	}

}
