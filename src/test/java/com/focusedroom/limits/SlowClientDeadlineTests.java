package com.focusedroom.limits;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 1: a request must arrive, headers and body, within a deadline (3 s
 * here), and a body answered early (413) is not read at the client's pace for ever.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.slow-clients.deadline=3s", "focusedroom.slow-clients.max-in-flight-per-client=10" })
class SlowClientDeadlineTests {

	private static final String SLOW_FORM = "POST /ebook HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
			+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\nemail=";

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void aBodyThatTricklesIsAnswered408AndItsConnectionClosedLongBeforeItIsComplete() throws Exception {
		try (Socket socket = SlowFlood.connect("127.0.0.3", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			// 1000 bytes at about three a second would take five minutes.
			out.write(String.format(SLOW_FORM, 1000).getBytes(StandardCharsets.US_ASCII));
			assertThat(SlowFlood.answerWhileSending(socket, out)).startsWith("HTTP/1.1 408")
				.containsIgnoringCase("connection: close");
			assertThat(SlowFlood.closedWhileSending(socket)).as("closed by the server").isTrue();
		}
	}

	@Test
	void anOversizedBodyIsAnswered413AtOnceAndNotReadAtTheClientsPace() throws Exception {
		try (Socket socket = SlowFlood.connect("127.0.0.4", this.port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(String.format(SLOW_FORM, 1_000_000).getBytes(StandardCharsets.US_ASCII));
			assertThat(SlowFlood.answerWhileSending(socket, out)).startsWith("HTTP/1.1 413");
			// Still sending at three bytes a second, the client is cut off at the
			// deadline.
			assertThat(SlowFlood.closedWhileSending(socket)).as("closed by the server").isTrue();
		}
	}

	@Test
	void aNormalVisitorIsAnsweredWhileSlowBodiesFromManyAddressesOutnumberTheThreads() throws Exception {
		try (SlowFlood flood = new SlowFlood(this.port)) {
			// 250 slow bodies, each address within its cap of requests in progress: only
			// the
			// deadline frees the threads.
			for (int address = 10; address < 35; address++) {
				flood.from("127.0.0." + address, 10);
			}
			flood.start();
			// The flood holds most of the 200 threads (cut at the deadline, its
			// connections are
			// opened again).
			for (int i = 0; i < 3; i++) {
				// Each visit starts while the flood holds most threads (the deadline cuts
				// its connections now and then and they come back, so wait for it).
				await().atMost(Duration.ofSeconds(90)).until(() -> SlowFlood.busyWorkers(this.context) >= 150);
				String answer = SlowFlood.exchange("127.0.0.2", this.port,
						"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				assertThat(answer).as("a visitor from another address, during the flood").startsWith("HTTP/1.1 200");
			}
		}
	}

}
