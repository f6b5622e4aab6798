package com.focusedroom.resilience;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Concurrent visitors submitting the web test over HTTP, keeping a record of every
 * submission the app acknowledged (303 to a report) and of every other answer it gave.
 */
final class Visitors {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newCachedThreadPool())
		.build();

	private final ExecutorService threads;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger attempts = new AtomicInteger();

	final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<Integer> otherStatuses = new ConcurrentLinkedQueue<>();

	final AtomicInteger connectionFailures = new AtomicInteger();

	private Visitors(int count) {
		this.threads = Executors.newFixedThreadPool(Math.max(1, count));
	}

	/**
	 * Starts {@code count} visitors, each submitting tests in a loop to whichever app
	 * {@code target} names at the moment. Visitor {@code v} cycles through three emails,
	 * so most submissions are by returning customers.
	 */
	static Visitors start(int count, String run, Supplier<AppProcess> target) {
		Visitors visitors = new Visitors(count);
		for (int v = 0; v < count; v++) {
			int visitor = v;
			visitors.threads.submit(() -> visitors.visit(run, visitor, target));
		}
		return visitors;
	}

	private void visit(String run, int visitor, Supplier<AppProcess> target) {
		Csrf csrf = null;
		for (int i = 0; this.running.get(); i++) {
			String email = run + "-v" + visitor + "-" + (i % 3) + "@Example.com";
			try {
				if (csrf == null) {
					csrf = csrf(target.get());
				}
				HttpResponse<String> response = submit(target.get(), csrf, email, 1 + (i % 5));
				this.attempts.incrementAndGet();
				if (response.statusCode() == 303) {
					String location = response.headers().firstValue("Location").orElseThrow();
					this.acknowledged.add(new Acknowledged(email.toLowerCase(), location));
				}
				else {
					this.otherStatuses.add(response.statusCode());
				}
			}
			catch (IOException ex) {
				this.connectionFailures.incrementAndGet();
				awaitListening(target);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Csrf csrf(AppProcess app) throws IOException, InterruptedException {
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(app.uri("/big-five")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher field = CSRF_FIELD.matcher(page.body());
		if (!field.find()) {
			throw new IOException("no CSRF field on the test page (status " + page.statusCode() + ")");
		}
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		return new Csrf(cookie, field.group(1));
	}

	/** One submission outside the load, for a test to look at the answer. */
	HttpResponse<String> submitOnce(AppProcess app, String email) throws IOException, InterruptedException {
		return submit(app, csrf(app), email, 3);
	}

	private HttpResponse<String> submit(AppProcess app, Csrf csrf, String email, int answer)
			throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf.field()))
			.append("&email=")
			.append(encode(email))
			.append("&name=Load+Visitor&careerStage=MID_CAREER");
		for (int i = 0; i < 120; i++) {
			body.append("&answers%5B").append(i).append("%5D=").append((i % 2 == 0) ? answer : 6 - answer);
		}
		HttpRequest request = HttpRequest.newBuilder(app.uri("/big-five"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrf.cookie())
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	int attempts() {
		return this.attempts.get();
	}

	List<Acknowledged> acknowledgedSoFar() {
		return List.copyOf(this.acknowledged);
	}

	/** Stops every visitor after its current request. */
	void stop() throws InterruptedException {
		this.running.set(false);
		this.threads.shutdown();
		if (!this.threads.awaitTermination(60, TimeUnit.SECONDS)) {
			this.threads.shutdownNow();
		}
	}

	/**
	 * After a refused connection (the app is being killed or restarted), waits until the
	 * target accepts connections again or the visitors are stopped, rather than hammering
	 * a closed port; gives up after a while and lets the loop try again.
	 */
	private void awaitListening(Supplier<AppProcess> target) {
		try {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !this.running.get() || accepts(target.get()));
		}
		catch (ConditionTimeoutException stillDown) {
			// the next request counts as another connection failure
		}
	}

	private static boolean accepts(AppProcess app) {
		URI uri = app.uri("/");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A submission the app answered with success: it must be in the database. */
	record Acknowledged(String email, String reportUrl) {

		String token() {
			return URI.create(this.reportUrl).getPath().substring("/report/".length());
		}

	}

	private record Csrf(String cookie, String field) {
	}

}
