package com.focusedroom.resilience;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.focusedroom.channel.Visitor;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail that is never lost and never sent twice, with two app instances (the packaged jar,
 * each its own process) on one PostgreSQL and one real SMTP server in the test JVM
 * (GreenMail): 200 test submissions through the API, spread over both instances, each
 * queue a report mail to its own address; both delivery workers compete for the outbox
 * ({@code FOR UPDATE SKIP LOCKED}); half way the SMTP server is stopped, submissions go
 * on, and after it comes back (same port) every message has arrived exactly once.
 * Decision 0011.
 * <p>
 * The server is stopped while the outbox is empty, between two conversations: a stop in
 * the middle of one (after the server took the message, before the worker read its 250)
 * is the crash window decision 0011 accepts, where a message may come twice with the same
 * Message-ID; this test checks the exactly-once that holds outside it.
 */
@TestInstance(Lifecycle.PER_CLASS)
class MailDeliveryIT {

	private static final int MAILS = 200;

	private static final Path WORK = Path.of("target", "resilience");

	/** A worker's log line for a message it delivered. */
	private static final Pattern SENT = Pattern.compile("Mail (\\d+) \\(report\\) sent$");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<Path> logs = List.of(WORK.resolve("mail-a-" + UUID.randomUUID() + ".log"),
			WORK.resolve("mail-b-" + UUID.randomUUID() + ".log"));

	private final List<AppProcess> instances = new ArrayList<>();

	private EmbeddedPostgres database;

	private RecordingGreenMail smtp;

	@BeforeAll
	void startTheServerTheDatabaseAndTwoInstances() throws Exception {
		this.smtp = new RecordingGreenMail(AppProcess.freePort());
		this.smtp.start();
		Path dataDirectory = WORK.resolve("postgres-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dataDirectory);
		this.database = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
		String url = "jdbc:postgresql://localhost:" + this.database.getPort() + "/postgres";
		String[] mail = { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtp.port(),
				"--focusedroom.mail.delivery.interval=500ms",
				// Back in seconds, not hours, once the server is back; and never give up
				// while it is away (a message fails only after max-tries).
				"--focusedroom.mail.delivery.first-retry=1s", "--focusedroom.mail.delivery.max-retry=3s",
				"--focusedroom.mail.delivery.max-tries=1000",
				// All 200 submissions come from this one client (127.0.0.1).
				"--focusedroom.mail.per-client-per-hour=1000", "--spring.datasource.hikari.connection-timeout=30000" };
		CompletableFuture<AppProcess> a = CompletableFuture.supplyAsync(() -> start(url, this.logs.get(0), mail));
		CompletableFuture<AppProcess> b = CompletableFuture.supplyAsync(() -> start(url, this.logs.get(1), mail));
		this.instances.add(a.join());
		this.instances.add(b.join());
	}

	@AfterAll
	void stopEverything() throws Exception {
		for (AppProcess instance : this.instances) {
			instance.terminate();
		}
		if (this.database != null) {
			this.database.close();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void twoHundredMailsFromTwoInstancesArriveOnceEachAndNoneIsLostWhileTheServerIsDown() throws Exception {
		List<String> addresses = IntStream.range(0, MAILS).mapToObj((i) -> "mail.it." + i + "@example.com").toList();

		submitAll(addresses.subList(0, MAILS / 2));
		await("the first hundred delivered").atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.smtp.deliveries().size() >= MAILS / 2 && count("state = 'sent'") == MAILS / 2);

		this.smtp.stop();
		submitAll(addresses.subList(MAILS / 2, MAILS));
		await("both workers trying the stopped server").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> count("state = 'queued' AND last_error LIKE 'MailConnectException%'") >= 4);
		assertThat(count("state = 'queued'")).as("the second hundred wait in the outbox").isEqualTo(MAILS / 2);
		assertThat(count("state = 'failed'")).isZero();
		assertThat(this.smtp.deliveries()).hasSize(MAILS / 2);

		this.smtp.start();
		await("all 200 delivered after the server is back").atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> count("state = 'sent'") == MAILS);

		List<Delivery> deliveries = this.smtp.deliveries();
		assertThat(deliveries).as("messages the server received").hasSize(MAILS);
		assertThat(deliveries.stream().map(Delivery::recipient).toList()).as("each address got one message")
			.containsExactlyInAnyOrderElementsOf(addresses);
		Set<String> messageIds = deliveries.stream().map(Delivery::messageId).collect(Collectors.toSet());
		assertThat(messageIds).as("distinct Message-IDs").hasSize(MAILS);
		assertThat(messageIds).as("the Message-IDs fixed in the outbox")
			.containsExactlyInAnyOrderElementsOf(jdbc().sql("SELECT message_id::text FROM mail_outbox")
				.query(String.class)
				.list()
				.stream()
				.map((id) -> "<" + id + "@focusedroom.example>")
				.toList());
		assertThat(count("state <> 'sent'")).isZero();
		assertThat(count("last_error LIKE 'MailConnectException%'")).as("messages that found the server away")
			.isPositive();
		assertThat(count("tries <> 1")).as("messages that took other than one try (an absent server costs none)")
			.isZero();

		// Both workers delivered, and no message was sent by both.
		List<Set<Long>> sentBy = List.of(sentIn(this.logs.get(0)), sentIn(this.logs.get(1)));
		assertThat(sentBy.get(0)).as("messages instance A sent").isNotEmpty();
		assertThat(sentBy.get(1)).as("messages instance B sent").isNotEmpty();
		Set<Long> both = new HashSet<>(sentBy.get(0));
		both.retainAll(sentBy.get(1));
		assertThat(both).as("messages sent by both instances").isEmpty();
		assertThat(sentBy.get(0).size() + sentBy.get(1).size()).isEqualTo(MAILS);
	}

	/** Submits a test for each address, alternating between the two instances. */
	private void submitAll(List<String> addresses) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < addresses.size(); i++) {
				AppProcess instance = this.instances.get(i % 2);
				String email = addresses.get(i);
				statuses.add(pool.submit(
						() -> this.http
							.send(HttpRequest.newBuilder(instance.uri("/api/v1/big-five"))
								.timeout(Duration.ofSeconds(60))
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers
									.ofString(Visitor.apiBody(email, 1 + email.length() % 5, "")))
								.build(), HttpResponse.BodyHandlers.ofString())
							.statusCode()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).as("the API's answer").isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static Set<Long> sentIn(Path log) throws Exception {
		Set<Long> sent = new HashSet<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			Matcher mail = SENT.matcher(line.strip());
			if (mail.find()) {
				sent.add(Long.valueOf(mail.group(1)));
			}
		}
		return sent;
	}

	private long count(String where) {
		return jdbc().sql("SELECT count(*) FROM mail_outbox WHERE " + where).query(Long.class).single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(this.database.getPostgresDatabase());
	}

	private static AppProcess start(String url, Path log, String... arguments) {
		try {
			return AppProcess.start(url, log, arguments);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One message as the SMTP server took it for one recipient. */
	record Delivery(String recipient, String messageId) {
	}

	/**
	 * GreenMail that notes every message it takes, as it takes it (before its 250), in a
	 * list of its own: GreenMail forgets its mailboxes when it is stopped, and this test
	 * stops and starts it again on the same port.
	 */
	private static final class RecordingGreenMail extends GreenMail {

		private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

		private final int port;

		RecordingGreenMail(int port) {
			super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			this.port = port;
		}

		int port() {
			return this.port;
		}

		List<Delivery> deliveries() {
			return List.copyOf(this.deliveries);
		}

		@Override
		protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
			// Called by the constructor and by each start, which may reuse the managers:
			// note each message once.
			UserManager users = managers.getUserManager();
			if (!(users.getMessageDeliveryHandler() instanceof Recorder)) {
				users.setMessageDeliveryHandler(new Recorder(users.getMessageDeliveryHandler()));
			}
			return super.createServices(config, managers);
		}

		/** Notes a message for one recipient, then stores it as GreenMail does. */
		private final class Recorder implements MessageDeliveryHandler {

			private final MessageDeliveryHandler store;

			Recorder(MessageDeliveryHandler store) {
				this.store = store;
			}

			@Override
			public GreenMailUser handle(MovingMessage message, MailAddress address)
					throws MessagingException, UserException {
				RecordingGreenMail.this.deliveries
					.add(new Delivery(address.getEmail(), message.getMessage().getMessageID()));
				return this.store.handle(message, address);
			}

		}

	}

}
