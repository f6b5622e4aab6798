package com.focusedroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table is written only by the module that owns it, and read by other modules only
 * where DATABASE_SCHEMA.md documents it ("Who writes which table"). Reads the SQL in
 * every module's sources (the keywords in upper case, as all our SQL is written) and the
 * ownership table of the documentation, so the two cannot drift apart.
 */
class TableOwnershipTests {

	private static final Path SOURCES = Path.of("src", "main", "java", "com", "focusedroom");

	private static final String IDENTIFIER = "([a-z_][a-z0-9_]*)";

	private static final List<Pattern> WRITES = List.of(Pattern.compile("INSERT INTO\\s+" + IDENTIFIER),
			Pattern.compile("\\bUPDATE\\s+" + IDENTIFIER + "\\s+(?:AS\\s+[a-z_]+\\s+)?SET\\b"),
			Pattern.compile("DELETE FROM\\s+" + IDENTIFIER), Pattern.compile("TRUNCATE\\s+(?:TABLE\\s+)?" + IDENTIFIER),
			Pattern.compile("MERGE INTO\\s+" + IDENTIFIER), Pattern.compile("COPY\\s+" + IDENTIFIER));

	// A table after FROM (not DELETE FROM, a write) or JOIN; a name followed by "(" is a
	// function such as unnest().
	private static final Pattern READS = Pattern
		.compile("\\b(?:(?<!DELETE )FROM|JOIN)\\s+" + IDENTIFIER + "\\b(?!\\s*\\()");

	// Names a WITH query defines for itself.
	private static final Pattern COMMON_TABLE = Pattern.compile("(?:WITH|,)\\s+" + IDENTIFIER + "\\s+AS\\s*\\(");

	private static final Pattern OWNERSHIP_ROW = Pattern
		.compile("^\\| `" + IDENTIFIER + "` \\| ([a-z]+) \\|([^|]*)\\|\\s*$", Pattern.MULTILINE);

	private static final Pattern CREATED = Pattern
		.compile("CREATE (?:(?:UNLOGGED )?TABLE(?: IF NOT EXISTS)?|(?:OR REPLACE )?VIEW)\\s+" + IDENTIFIER);

	@Test
	void everyModuleWritesOnlyTheTablesItOwns() throws IOException {
		Map<String, Table> tables = documentedTables();
		List<String> violations = new ArrayList<>();
		for (Statement write : statements(WRITES)) {
			Table table = tables.get(write.table());
			if (table == null || !table.owner().equals(write.module())) {
				violations.add(write + " writes " + write.table() + ", owned by "
						+ ((table != null) ? table.owner() : "nobody documented"));
			}
		}
		assertThat(violations).as("writes outside the owning module (DATABASE_SCHEMA.md, 'Who writes which table')")
			.isEmpty();
	}

	@Test
	void everyModuleReadsOnlyItsOwnTablesAndTheDocumentedReadModels() throws IOException {
		Map<String, Table> tables = documentedTables();
		List<String> violations = new ArrayList<>();
		for (Statement read : statements(List.of(READS))) {
			if (read.table().startsWith("pg_")) {
				continue; // the catalogue, read by the GDPR export to find customer data
			}
			Table table = tables.get(read.table());
			if (table == null) {
				violations.add(read + " reads " + read.table() + ", which is not documented");
			}
			else if (!table.owner().equals(read.module()) && !table.readers().contains(read.module())) {
				violations.add(read + " reads " + read.table() + " of " + table.owner() + " without a documented "
						+ "read model");
			}
		}
		assertThat(violations).as("reads across modules not documented in DATABASE_SCHEMA.md").isEmpty();
	}

	@Test
	void everyTableTheMigrationsCreateHasADocumentedOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> migrations = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher matcher = CREATED.matcher(Files.readString(migration));
				while (matcher.find()) {
					created.add(matcher.group(1));
				}
			}
		}
		assertThat(documentedTables().keySet()).containsAll(created);
	}

	@Test
	void theScanFindsWritesAndReadsAsTheyAreWritten() {
		String sql = """
				WITH visit AS (INSERT INTO customer AS c (email_id) VALUES (:e)
				ON CONFLICT (email_id) DO UPDATE SET name = EXCLUDED.name RETURNING customer_id)
				UPDATE customer_touch SET kind = 'x' WHERE customer_id IN (SELECT customer_id FROM visit);
				DELETE FROM erased_customer; SELECT * FROM big_five_result r JOIN unnest(:ids) AS u ON true
				FOR UPDATE
				""";
		assertThat(tablesIn(sql, WRITES)).containsExactly("customer", "customer_touch", "erased_customer");
		assertThat(tablesIn(sql, List.of(READS))).containsExactly("big_five_result");
	}

	private static List<Statement> statements(List<Pattern> patterns) throws IOException {
		List<Statement> statements = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue; // the application class, in no module
				}
				String module = relative.getName(0).toString();
				for (String table : tablesIn(Files.readString(file), patterns)) {
					statements.add(new Statement(module, relative.toString(), table));
				}
			}
		}
		return statements;
	}

	private static List<String> tablesIn(String source, List<Pattern> patterns) {
		Set<String> commonTables = new HashSet<>();
		Matcher common = COMMON_TABLE.matcher(source);
		while (common.find()) {
			commonTables.add(common.group(1));
		}
		Set<String> tables = new TreeSet<>();
		for (Pattern pattern : patterns) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				if (!commonTables.contains(matcher.group(1))) {
					tables.add(matcher.group(1));
				}
			}
		}
		return new ArrayList<>(tables);
	}

	private static Map<String, Table> documentedTables() throws IOException {
		String schema = Files.readString(Path.of("DATABASE_SCHEMA.md"));
		String section = schema.substring(schema.indexOf("## Who writes which table"));
		section = section.substring(0, section.indexOf("\n## ", 3));
		Map<String, Table> tables = new HashMap<>();
		Matcher row = OWNERSHIP_ROW.matcher(section);
		while (row.find()) {
			Set<String> readers = new HashSet<>();
			for (String reader : row.group(3).split(",")) {
				if (!reader.isBlank()) {
					readers.add(reader.strip());
				}
			}
			tables.put(row.group(1), new Table(row.group(2), readers));
		}
		assertThat(tables).as("the ownership table of DATABASE_SCHEMA.md").isNotEmpty();
		return tables;
	}

	record Table(String owner, Set<String> readers) {

	}

	record Statement(String module, String file, String table) {

		@Override
		public String toString() {
			return this.file;
		}

	}

}
