package com.focusedroom.limits;

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
 * Issue 12, item 1: 250 connections that trickle their form bodies one byte at a time
 * held every one of Tomcat's 200 worker threads, and nobody else got an answer. Here the
 * flood comes from loopback addresses over real HTTP: 100 connections from one address
 * (more than it may have in progress at once) and 150 from thirty others. The deadline is
 * set far beyond the test, so only the per-client cap on requests in progress keeps the
 * threads free; {@link SlowClientDeadlineTests} checks the deadline on its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.slow-clients.deadline=10m", "focusedroom.slow-clients.max-in-flight-per-client=5" })
class SlowClientFloodTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void aNormalVisitorIsAnsweredWhileASlowBodyFloodIsGoing() throws Exception {
		try (SlowFlood flood = new SlowFlood(this.port)) {
			flood.from("127.0.0.1", 100);
			for (int address = 10; address < 40; address++) {
				flood.from("127.0.0." + address, 5);
			}
			flood.start();
			// The flood holds its share of the threads: 5 from each of the 31 addresses.
			await().atMost(Duration.ofSeconds(90)).until(() -> SlowFlood.busyWorkers(this.context) >= 150);

			for (int i = 0; i < 3; i++) {
				String answer = SlowFlood.exchange("127.0.0.2", this.port,
						"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				assertThat(answer).as("a visitor from another address, during the flood").startsWith("HTTP/1.1 200");
			}
			// Still going: the flood's threads are busy with its bodies.
			assertThat(SlowFlood.busyWorkers(this.context)).isGreaterThanOrEqualTo(150);
			// The address over its cap is refused at once, without its body being read.
			String refused = SlowFlood.exchange("127.0.0.1", this.port,
					"POST /ebook HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
							+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\nemail=");
			assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("connection: close");
		}
	}

}
