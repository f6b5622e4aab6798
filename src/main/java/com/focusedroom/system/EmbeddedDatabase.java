package com.focusedroom.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of a FocusedRoom process.
 * <p>
 * Nobody gets in without a password: a new server is initialised with scram-sha-256 for
 * every connection and a generated superuser password, and a data directory made by an
 * older version (with zonky's passwordless {@code trust}) is converted at its next start.
 * The app connects as {@value EmbeddedDatabaseCredentials#APP_ROLE}, a role that owns the
 * schema but is no superuser (so it cannot run {@code COPY ... TO PROGRAM} or read server
 * files). The passwords are kept only in the data directory
 * ({@link EmbeddedDatabaseCredentials}).
 * <p>
 * If a server already runs on the data directory (the app is up while {@code verify}
 * runs, or a killed app left its server behind), this attaches to it instead of starting
 * a second one on the same files, and leaves it running on close.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String SCRAM = "scram-sha-256";

	/** How often the supervisor checks that a server of ours still answers. */
	static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(2);

	private final int port;

	private final EmbeddedDatabaseCredentials credentials;

	private final @Nullable EmbeddedDatabaseProperties startedWith;

	private final Path dataDirectory;

	private volatile @Nullable EmbeddedPostgres server;

	private volatile boolean closed;

	private int missedChecks;

	private final @Nullable ScheduledExecutorService supervisor;

	private EmbeddedDatabase(int port, @Nullable EmbeddedPostgres server, EmbeddedDatabaseCredentials credentials,
			Path dataDirectory, @Nullable EmbeddedDatabaseProperties startedWith) {
		this.port = port;
		this.server = server;
		this.credentials = credentials;
		this.dataDirectory = dataDirectory;
		this.startedWith = startedWith;
		// A clean-start (test) server is wiped when closed, so it is not restarted.
		this.supervisor = (server != null && startedWith != null && !startedWith.cleanStart()) ? supervise() : null;
	}

	/**
	 * Restarts a server of ours that stopped answering (it crashed, or was killed): after
	 * two missed checks in a row, on the same port and data, so the connection pool
	 * reconnects by itself. A server we only attached to belongs to another process.
	 */
	private ScheduledExecutorService supervise() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "embedded-postgres-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		long interval = SUPERVISION_INTERVAL.toMillis();
		executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
		return executor;
	}

	private synchronized void check() {
		if (this.closed || this.startedWith == null) {
			return;
		}
		if (accepts(this.port)) {
			this.missedChecks = 0;
			return;
		}
		if (++this.missedChecks < 2) {
			return;
		}
		log.warn("The embedded PostgreSQL on port {} stopped answering; restarting it", this.port);
		try {
			EmbeddedPostgres stopped = this.server;
			if (stopped != null) {
				stopped.close(); // releases its lock on the data directory
			}
			this.server = start(this.startedWith, this.dataDirectory, this.port, this.credentials, false, false);
			this.missedChecks = 0;
			log.info("Restarted the embedded PostgreSQL on port {}", this.port);
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not restart the embedded PostgreSQL; trying again in {}", SUPERVISION_INTERVAL, ex);
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static EmbeddedDatabase startOrAttach(EmbeddedDatabaseProperties properties) {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		if (!properties.cleanStart()) {
			Optional<Integer> running = runningServerPort(dataDirectory);
			if (running.isPresent()) {
				log.info("Attached to the embedded PostgreSQL already running on port {}", running.get());
				Optional<EmbeddedDatabaseCredentials> stored = EmbeddedDatabaseCredentials.read(dataDirectory);
				EmbeddedDatabaseCredentials credentials = stored.orElseGet(EmbeddedDatabaseCredentials::generate);
				if (stored.isEmpty()) {
					// A passwordless server of an older version; attaching with stored
					// credentials changes nothing (verify must not).
					secure(running.get(), dataDirectory, credentials, true);
				}
				return new EmbeddedDatabase(running.get(), null, credentials, dataDirectory, null);
			}
		}
		if (!EmbeddedBinaries.present()) {
			throw new EmbeddedBinaries.Missing();
		}
		try {
			Files.createDirectories(dataDirectory);
			boolean fresh = properties.cleanStart() || !Files.exists(dataDirectory.resolve("postgresql.conf"));
			Optional<EmbeddedDatabaseCredentials> stored = fresh ? Optional.empty()
					: EmbeddedDatabaseCredentials.read(dataDirectory);
			EmbeddedDatabaseCredentials credentials = stored.orElseGet(EmbeddedDatabaseCredentials::generate);
			boolean passwordless = !fresh && stored.isEmpty();
			EmbeddedPostgres server = start(properties, dataDirectory, properties.port(), credentials, fresh,
					passwordless);
			if (stored.isEmpty()) {
				// Stored credentials mean this setup ran before: the file is written
				// last.
				secure(server.getPort(), dataDirectory, credentials, passwordless);
			}
			log.info("Started the embedded PostgreSQL on port {} with its data in {}", server.getPort(), dataDirectory);
			return new EmbeddedDatabase(server.getPort(), server, credentials, dataDirectory, properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private static EmbeddedPostgres start(EmbeddedDatabaseProperties properties, Path dataDirectory, int port,
			EmbeddedDatabaseCredentials credentials, boolean fresh, boolean passwordless) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(fresh && properties.cleanStart())
			.setPort(port)
			.setServerConfig("max_connections", "200")
			// zonky starts PostgreSQL with -F (no fsync) and synchronous_commit=off, as
			// suits throwaway test databases; a durable database overrides both.
			.setServerConfig("fsync", properties.durable() ? "on" : "off")
			.setServerConfig("synchronous_commit", properties.durable() ? "on" : "off");
		if (!passwordless) {
			builder.setConnectConfig("password", credentials.superuserPassword());
		}
		Path passwordFile = null;
		if (fresh) {
			// initdb sets the superuser's password and password authentication for every
			// connection from the start: there is no moment without them.
			passwordFile = Files.createTempFile("focusedroom-pg", ".pw",
					PosixFilePermissions.asFileAttribute(EmbeddedDatabaseCredentials.OWNER_ONLY));
			Files.writeString(passwordFile, credentials.superuserPassword(), StandardCharsets.UTF_8);
			builder.setLocaleConfig("pwfile", passwordFile.toString())
				.setLocaleConfig("auth-host", SCRAM)
				.setLocaleConfig("auth-local", SCRAM);
		}
		try {
			return builder.start();
		}
		finally {
			if (passwordFile != null) {
				Files.deleteIfExists(passwordFile);
			}
		}
	}

	/**
	 * Makes sure the server asks every connection for a password and that the app role
	 * exists, owns the schema and everything in it, and is no superuser; then keeps the
	 * passwords in the data directory.
	 * @param passwordless whether the server still lets anyone in without a password (a
	 * data directory of an older version)
	 */
	private static void secure(int port, Path dataDirectory, EmbeddedDatabaseCredentials credentials,
			boolean passwordless) {
		try (Connection superuser = connect(port, "postgres", passwordless ? null : credentials.superuserPassword());
				Statement sql = superuser.createStatement()) {
			if (passwordless) {
				log.info("Securing the embedded PostgreSQL of an older version: password authentication from now on");
				sql.execute("ALTER ROLE postgres PASSWORD " + literal(credentials.superuserPassword()));
				requirePasswords(dataDirectory);
				sql.execute("SELECT pg_reload_conf()");
			}
			String role = EmbeddedDatabaseCredentials.APP_ROLE;
			sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
					+ "CREATE ROLE " + role + " LOGIN; END IF; END $$");
			sql.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
					+ "PASSWORD " + literal(credentials.appPassword()));
			sql.execute("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE postgres TO " + role);
			sql.execute("ALTER SCHEMA public OWNER TO " + role);
			// Tables, views, sequences and functions an older version created as the
			// superuser become the app role's (extensions stay the superuser's).
			sql.execute(
					"""
							DO $$
							DECLARE o record;
							BEGIN
							    FOR o IN SELECT c.relname, c.relkind FROM pg_class c
							             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
							               AND pg_get_userbyid(c.relowner) <> '%1$s'
							               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
							    LOOP
							        EXECUTE format('ALTER %%s %%I OWNER TO %1$s',
							                       CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
							                                      WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, o.relname);
							    END LOOP;
							    FOR o IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
							             WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> '%1$s'
							               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
							    LOOP
							        EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', o.signature);
							    END LOOP;
							END $$"""
						.formatted(role));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not secure the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
		credentials.write(dataDirectory);
	}

	/** Rewrites pg_hba.conf so that every connection needs a password. */
	private static void requirePasswords(Path dataDirectory) {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		try {
			List<String> lines = Files.readAllLines(hba);
			StringBuilder secured = new StringBuilder();
			for (String line : lines) {
				secured.append(line.startsWith("#") ? line : line.replaceAll("\\btrust\\b", SCRAM)).append('\n');
			}
			Files.writeString(hba, secured.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not update " + hba, ex);
		}
	}

	private static Connection connect(int port, String user, @Nullable String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
	}

	/** A SQL string literal of a generated password (hex digits only). */
	private static String literal(String password) {
		if (!password.matches("[0-9a-f]+")) {
			throw new IllegalStateException("Unexpected characters in a generated password");
		}
		return "'" + password + "'";
	}

	/**
	 * The port of a live server on this data directory, read from its
	 * {@code postmaster.pid} (whose fourth line is the port) and confirmed by connecting.
	 */
	private static Optional<Integer> runningServerPort(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile);
			int port = Integer.parseInt(lines.get(3).trim());
			return accepts(port) ? Optional.of(port) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	String username() {
		return EmbeddedDatabaseCredentials.APP_ROLE;
	}

	String password() {
		return this.credentials.appPassword();
	}

	@Override
	public void close() throws IOException {
		synchronized (this) {
			this.closed = true;
		}
		if (this.supervisor != null) {
			this.supervisor.shutdownNow();
		}
		EmbeddedPostgres running = this.server;
		if (running != null) {
			running.close();
		}
	}

}
