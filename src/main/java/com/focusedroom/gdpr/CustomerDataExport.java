package com.focusedroom.gdpr;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR access and portability (Art. 15, 20): one customer's complete data as JSON. Which
 * tables hold it is read from the database catalogue, not listed by hand: the customer's
 * row, every table with a foreign key to it, every table with a foreign key to one of
 * those (and so on), and every table with a {@code customer_id} column (the audit log,
 * which has no foreign key on purpose). A table added later is included without a code
 * change.
 */
@Service
public class CustomerDataExport {

	private static final String ROOT = "customer";

	// Foreign keys between tables of the current schema, one row per key with its columns
	// in order.
	private static final String FOREIGN_KEYS = """
			SELECT child.relname AS child, parent.relname AS parent,
			       array_agg(ca.attname::text ORDER BY k.ord) AS child_columns,
			       array_agg(pa.attname::text ORDER BY k.ord) AS parent_columns
			FROM pg_constraint con
			JOIN pg_class child ON child.oid = con.conrelid
			JOIN pg_class parent ON parent.oid = con.confrelid
			CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(child_att, parent_att, ord)
			JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.child_att
			JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.parent_att
			WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace
			GROUP BY con.oid, child.relname, parent.relname
			ORDER BY child.relname, con.oid
			""";

	// Base tables with a customer_id column, whether or not it is a foreign key.
	private static final String CUSTOMER_ID_COLUMNS = """
			SELECT c.relname FROM pg_class c
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'customer_id' AND NOT a.attisdropped
			WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
			ORDER BY c.relname
			""";

	/**
	 * Columns that hold other people's data, left out of a customer's export: the audit
	 * log's admin name and address (an admin's personal data, not the customer's).
	 */
	private static final Map<String, List<String>> OTHER_PEOPLES_COLUMNS = Map.of("admin_audit",
			List.of("actor", "remote_address"));

	/**
	 * Columns that only repeat, in another form, what the export holds: the bytes of a
	 * report's stored PDF (a rendering of its {@code big_five_result} row, which the
	 * export has, and downloadable from the report's link). The row itself stays, so the
	 * export says which PDFs are kept and when they were made.
	 */
	private static final Map<String, List<String>> RENDERED_COLUMNS = Map.of("report_pdf", List.of("pdf"));

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Clock clock;

	CustomerDataExport(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	/**
	 * The customer's data, one consistent snapshot, and its audit entry; empty if there
	 * is no such customer.
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public Optional<String> export(long customerId, Actor actor) {
		Map<String, String> queries = queries();
		ObjectNode document = this.json.createObjectNode();
		document.put("customerId", customerId);
		document.put("exportedAt", OffsetDateTime.now(this.clock).toString());
		ObjectNode tables = document.putObject("tables");
		for (Map.Entry<String, String> table : queries.entrySet()) {
			String rows = this.jdbc.sql(table.getValue()).param("id", customerId).query(String.class).single();
			tables.set(table.getKey(), this.json.readTree(rows));
		}
		if (tables.get(ROOT).isEmpty()) {
			return Optional.empty();
		}
		this.audit.record(actor, AuditAction.EXPORT_GDPR, customerId, "tables: " + queries.size());
		return Optional.of(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
	}

	/** The tables that hold a customer's data, as the catalogue tells today. */
	@Transactional(readOnly = true)
	Set<String> tables() {
		return queries().keySet();
	}

	/**
	 * For each table, a query of one JSON array of the rows that belong to customer
	 * {@code :id}.
	 */
	private Map<String, String> queries() {
		List<ForeignKey> keys = this.jdbc.sql(FOREIGN_KEYS)
			.query((rs, row) -> new ForeignKey(rs.getString("child"), rs.getString("parent"),
					List.of((String[]) rs.getArray("child_columns").getArray()),
					List.of((String[]) rs.getArray("parent_columns").getArray())))
			.list();
		Set<String> reachable = new LinkedHashSet<>();
		reachable.add(ROOT);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (ForeignKey key : keys) {
				if (reachable.contains(key.parent()) && reachable.add(key.child())) {
					grew = true;
				}
			}
		}
		List<String> customerIdTables = this.jdbc.sql(CUSTOMER_ID_COLUMNS).query(String.class).list();
		Map<String, String> queries = new LinkedHashMap<>();
		for (String table : reachable) {
			queries.put(table, arrayOf(table, condition(table, "t", keys, new LinkedHashSet<>(), new int[] { 0 })));
		}
		for (String table : customerIdTables) {
			queries.putIfAbsent(table, arrayOf(table, "t.customer_id = :id"));
		}
		return queries;
	}

	private static String arrayOf(String table, String condition) {
		StringBuilder row = new StringBuilder("to_jsonb(t)");
		List<String> leftOut = new ArrayList<>(OTHER_PEOPLES_COLUMNS.getOrDefault(table, List.of()));
		leftOut.addAll(RENDERED_COLUMNS.getOrDefault(table, List.of()));
		for (String column : leftOut) {
			row.append(" - '").append(column).append('\'');
		}
		return "SELECT coalesce(jsonb_agg(" + row + "), '[]'::jsonb)::text FROM " + quote(table) + " AS t WHERE "
				+ condition;
	}

	/**
	 * The condition that a row (alias {@code alias}) of a table belongs to the customer:
	 * for the customer table its id; for another, that one of its foreign keys points at
	 * a row that belongs to the customer.
	 */
	private static String condition(String table, String alias, List<ForeignKey> keys, Set<String> path,
			int[] aliases) {
		if (ROOT.equals(table)) {
			return alias + ".customer_id = :id";
		}
		path.add(table);
		List<String> alternatives = new ArrayList<>();
		for (ForeignKey key : keys) {
			if (key.child().equals(table) && !path.contains(key.parent()) && reaches(key.parent(), keys, path)) {
				String parentAlias = "p" + (++aliases[0]);
				alternatives.add("(" + columns(alias, key.childColumns()) + ") IN (SELECT "
						+ columns(parentAlias, key.parentColumns()) + " FROM " + quote(key.parent()) + " AS "
						+ parentAlias + " WHERE "
						+ condition(key.parent(), parentAlias, keys, new LinkedHashSet<>(path), aliases) + ")");
			}
		}
		path.remove(table);
		return alternatives.isEmpty() ? "false" : String.join(" OR ", alternatives);
	}

	/** Whether a table leads to the customer table without passing through the path. */
	private static boolean reaches(String table, List<ForeignKey> keys, Set<String> path) {
		if (ROOT.equals(table)) {
			return true;
		}
		Set<String> seen = new LinkedHashSet<>(path);
		seen.add(table);
		for (ForeignKey key : keys) {
			if (key.child().equals(table) && !seen.contains(key.parent()) && reaches(key.parent(), keys, seen)) {
				return true;
			}
		}
		return false;
	}

	private static String columns(String alias, List<String> columns) {
		return String.join(", ", columns.stream().map((column) -> alias + "." + quote(column)).toList());
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	record ForeignKey(String child, String parent, List<String> childColumns, List<String> parentColumns) {

	}

}
