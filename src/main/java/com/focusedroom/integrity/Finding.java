package com.focusedroom.integrity;

import java.util.List;

/**
 * One integrity check as the admin area shows it: what it checks, the SQL, and the rows
 * that break it (none on a healthy database).
 *
 * @param name what is checked
 * @param sql the query; it returns the offending rows
 * @param columns the column names of the rows
 * @param rows the offending rows, at most {@link IntegrityCheck#MAX_ROWS}
 */
public record Finding(String name, String sql, List<String> columns, List<List<String>> rows) {

	public Finding {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	public boolean passed() {
		return this.rows.isEmpty();
	}

}
