package com.focusedroom.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.consent.Consents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example SQL of DATABASE_SCHEMA.md's attribution and consent sections runs as
 * written and answers what it promises.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DocumentedQueriesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Consents consents;

	@Test
	void theAttributionExamplesRunAndShowTheCustomersPath() throws Exception {
		String email = "documented.path@example.com";
		Visitor visitor = new Visitor(this.port);
		assertThat(visitor.submitForm("/ebook?utm_campaign=docs", "/ebook", Map.of("email", email)).statusCode())
			.isEqualTo(303);
		assertThat(visitor.submitForm("/big-five", "/big-five", Visitor.testForm(email, 3)).statusCode())
			.isEqualTo(303);
		long customerId = this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param(email)
			.query(Long.class)
			.single();

		List<String> queries = queries("## Attribution queries", "## `legacy_subscriber`");
		assertThat(queries).hasSize(4);
		for (String query : queries) {
			assertThat(run(query, customerId)).as(query).isNotEmpty();
		}
		List<Map<String, Object>> path = run(queries.get(1), customerId);
		assertThat(path).extracting((step) -> step.get("channel_name"))
			.containsExactly("eBook Download", "Big Five Test");
		assertThat(path).extracting((step) -> step.get("report_id")).containsExactly(null, 1);
		assertThat(path.get(0)).containsEntry("utm_campaign", "docs");
		assertThat(run(queries.get(2), customerId))
			.anySatisfy((row) -> assertThat(row.get("path")).isEqualTo("eBook Download > Big Five Test"));
	}

	@Test
	void theConsentExamplesRunAndTheOptInCheckFindsNothing() throws Exception {
		Map<String, String> form = Visitor.testForm("documented.consent@example.com", 3);
		form.put("optIn", "true");
		assertThat(new Visitor(this.port).submitForm("/big-five", "/big-five", form).statusCode()).isEqualTo(303);
		long customerId = this.jdbc.sql("SELECT customer_id FROM customer WHERE email_id = ?")
			.param("documented.consent@example.com")
			.query(Long.class)
			.single();

		assertThat(this.jdbc.sql("SELECT count(*) FROM consent_event WHERE customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.single()).as("a ticked box is only a pending request").isZero();
		assertThat(this.consents.confirm(Visitor.confirmationToken(this.jdbc, "documented.consent@example.com")))
			.isEqualTo(Consents.Confirmation.NOW);

		List<String> queries = queries("### How a visit records consent", "## `ebook_download`");
		assertThat(queries).hasSize(2);
		assertThat(run(queries.get(0), customerId)).as("opt_in follows the history everywhere").isEmpty();
		List<Map<String, Object>> history = run(queries.get(1), customerId);
		assertThat(history).hasSize(1);
		assertThat(history.get(0)).containsEntry("action", "grant")
			.containsEntry("source", "web_form")
			.containsEntry("channel_name", "Big Five Test")
			.containsEntry("version", "2026-11");
	}

	private List<Map<String, Object>> run(String query, long customerId) {
		return this.jdbc.sql(query.replace("= 42", "= " + customerId)).query().listOfRows();
	}

	private static List<String> queries(String from, String to) throws Exception {
		String schema = Files.readString(Path.of("DATABASE_SCHEMA.md"));
		String section = schema.substring(schema.indexOf(from), schema.indexOf(to));
		List<String> queries = new ArrayList<>();
		Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(section);
		while (block.find()) {
			queries.add(block.group(1).strip().replaceAll(";$", ""));
		}
		return queries;
	}

}
