package com.focusedroom.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL is no open door: a local user without the generated password
 * cannot connect, and the app's own role cannot do what only a superuser can (read every
 * database file, run programs with {@code COPY ... TO PROGRAM}).
 */
class EmbeddedDatabaseSecurityTests {

	@TempDir
	Path directory;

	@Test
	void aNewServerAsksEveryoneForAPasswordAndTheAppIsNoSuperuser() throws Exception {
		Path data = this.directory.resolve("postgres");
		try (EmbeddedDatabase database = EmbeddedDatabase
			.startOrAttach(new EmbeddedDatabaseProperties(data, 0, false, false))) {
			assertRefusedWithoutPassword(database);
			Path credentials = data.resolve(EmbeddedDatabaseCredentials.FILE_NAME);
			assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(EmbeddedDatabaseCredentials.OWNER_ONLY);
			try (Connection app = connect(database, database.username(), database.password());
					Statement sql = app.createStatement()) {
				assertThat(single(sql, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
					.isEqualTo("false");
				assertThat(single(sql, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
					.isEqualTo(EmbeddedDatabaseCredentials.APP_ROLE);
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> sql.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
				sql.execute("CREATE TABLE owned_by_the_app (id int)");
			}
		}
		// Restarted on the same data: the same passwords still work, no others.
		try (EmbeddedDatabase again = EmbeddedDatabase
			.startOrAttach(new EmbeddedDatabaseProperties(data, 0, false, false))) {
			assertRefusedWithoutPassword(again);
			try (Connection app = connect(again, again.username(), again.password())) {
				assertThat(app.isValid(2)).isTrue();
			}
		}
	}

	@Test
	void aPasswordlessDataDirectoryOfAnOlderVersionIsSecuredAtItsNextStart() throws Exception {
		Path data = this.directory.resolve("old");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.start();
				Connection open = old.getPostgresDatabase().getConnection();
				Statement sql = open.createStatement()) {
			sql.execute("CREATE TABLE customer_of_old (id int)");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase
			.startOrAttach(new EmbeddedDatabaseProperties(data, 0, false, false))) {
			assertRefusedWithoutPassword(database);
			try (Connection app = connect(database, database.username(), database.password());
					Statement sql = app.createStatement()) {
				assertThat(
						single(sql, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'customer_of_old'"))
					.isEqualTo(EmbeddedDatabaseCredentials.APP_ROLE);
			}
		}
	}

	private static void assertRefusedWithoutPassword(EmbeddedDatabase database) {
		for (String user : new String[] { "postgres", EmbeddedDatabaseCredentials.APP_ROLE }) {
			assertThatExceptionOfType(SQLException.class).as(user)
				.isThrownBy(() -> connect(database, user, null).close())
				// 08004: the server asked for a password the client does not have
				.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("08004", "28000", "28P01"));
			assertThatExceptionOfType(SQLException.class).as(user)
				.isThrownBy(() -> connect(database, user, "guess").close());
		}
	}

	private static Connection connect(EmbeddedDatabase database, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(database.jdbcUrl(), properties);
	}

	private static String single(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
