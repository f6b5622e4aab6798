package com.focusedroom.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The packaged app ({@code target/focusedroom.jar}) running as its own operating-system
 * process, as in production, so that it can be killed like one.
 */
final class AppProcess {

	private static final Path JAR = Path.of("target", "focusedroom.jar");

	private final Process process;

	private final int port;

	private AppProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the jar against the given database and waits until it is healthy. */
	static AppProcess start(String jdbcUrl, Path log, String... extraArguments) throws Exception {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is missing: these tests run after `./mvnw package`");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-jar", JAR.toString(),
				"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.hikari.maximum-pool-size=10"));
		List<String> extra = List.of(extraArguments);
		// Spring joins a repeated command-line option into "a,b": add the default only
		// when
		// the caller does not set it.
		if (extra.stream().noneMatch((argument) -> argument.startsWith("--focusedroom.rate-limit.enabled="))) {
			command.add("--focusedroom.rate-limit.enabled=false");
		}
		command.addAll(extra);
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		AppProcess app = new AppProcess(process, port);
		app.awaitHealthy(Duration.ofSeconds(300)); // a loaded machine: over 2 minutes
													// seen
		return app;
	}

	/** An app already listening on a port, such as a proxy in front of instances. */
	static AppProcess at(int port) {
		return new AppProcess(null, port);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** SIGKILL: no shutdown hook, no graceful anything, as in a power cut or OOM kill. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** SIGTERM: the graceful shutdown an orchestrator asks for. */
	int terminate() throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor();
	}

	void awaitHealthy(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		await("the app to become healthy").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The app exited with " + this.process.exitValue());
			}
			try {
				return http
					.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200;
			}
			catch (IOException notYet) {
				return false; // not listening yet
			}
		});
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
