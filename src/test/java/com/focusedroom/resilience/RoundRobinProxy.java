package com.focusedroom.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simplest load balancer: each request goes to the next app instance in turn, so
 * consecutive requests of one visitor (the page with its CSRF token, then the submission)
 * usually land on different instances.
 */
final class RoundRobinProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
			"transfer-encoding", "upgrade", "expect");

	private final HttpServer server;

	private final List<AppProcess> instances;

	private final AtomicInteger next = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final AtomicInteger[] forwarded;

	private RoundRobinProxy(HttpServer server, List<AppProcess> instances) {
		this.server = server;
		this.instances = instances;
		this.forwarded = new AtomicInteger[instances.size()];
		for (int i = 0; i < instances.size(); i++) {
			this.forwarded[i] = new AtomicInteger();
		}
	}

	static RoundRobinProxy start(List<AppProcess> instances) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 100);
		RoundRobinProxy proxy = new RoundRobinProxy(server, instances);
		server.createContext("/", proxy::forward);
		server.setExecutor(Executors.newFixedThreadPool(64));
		server.start();
		return proxy;
	}

	/** Looks like an app instance to {@link Visitors}. */
	AppProcess asApp() {
		return AppProcess.at(this.server.getAddress().getPort());
	}

	private void forward(HttpExchange exchange) throws IOException {
		int instance = Math.floorMod(this.next.getAndIncrement(), this.instances.size());
		this.forwarded[instance].incrementAndGet();
		URI target = this.instances.get(instance).uri(exchange.getRequestURI().toString());
		try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(target)
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.headers().map().forEach((name, values) -> {
				if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			byte[] bytes = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (bytes.length == 0) ? -1 : bytes.length);
			out.write(bytes);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.sendResponseHeaders(502, -1);
		}
		catch (IOException ex) {
			exchange.sendResponseHeaders(502, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
