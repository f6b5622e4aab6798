package com.focusedroom.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server of a FocusedRoom process.
 * <p>
 * If a server already runs on the data directory (the app is up while {@code verify}
 * runs, or a killed app left its server behind), this attaches to it instead of starting
 * a second one on the same files, and leaves it running on close.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final int port;

	private final EmbeddedPostgres server;

	private EmbeddedDatabase(int port, EmbeddedPostgres server) {
		this.port = port;
		this.server = server;
	}

	static EmbeddedDatabase startOrAttach(EmbeddedDatabaseProperties properties) {
		Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
		if (!properties.cleanStart()) {
			Optional<Integer> running = runningServerPort(dataDirectory);
			if (running.isPresent()) {
				log.info("Attached to the embedded PostgreSQL already running on port {}", running.get());
				return new EmbeddedDatabase(running.get(), null);
			}
		}
		try {
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(properties.cleanStart())
				.setPort(properties.port())
				.setServerConfig("max_connections", "200")
				// zonky starts PostgreSQL with -F (no fsync) and synchronous_commit=off,
				// as
				// suits throwaway test databases; a durable database overrides both.
				.setServerConfig("fsync", properties.durable() ? "on" : "off")
				.setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
				.start();
			log.info("Started the embedded PostgreSQL on port {} with its data in {}", server.getPort(), dataDirectory);
			return new EmbeddedDatabase(server.getPort(), server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
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
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 500);
			}
			return Optional.of(port);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres?user=postgres";
	}

	@Override
	public void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

}
