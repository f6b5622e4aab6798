package com.focusedroom.limits;

import java.net.http.HttpResponse;
import java.util.Map;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which client address the app sees: the connection's unless a proxy the operator named
 * reports another in {@code X-Forwarded-For}, and only ever a well-formed one.
 */
class ForwardedAddressTests {

	@Test
	void onlyIpAddressesAreAddresses() {
		assertThat(ClientAddressCheck.isIpAddress("192.0.2.7")).isTrue();
		assertThat(ClientAddressCheck.isIpAddress("2001:db8::1")).isTrue();
		assertThat(ClientAddressCheck.isIpAddress("0:0:0:0:0:0:0:1")).isTrue();
		for (String text : new String[] { "not-an-ip", "' OR 1=1 --", "192.0.2.256", "1.2.3", "example.com", "", "::g",
				"1.2.3.4 5.6.7.8" }) {
			assertThat(ClientAddressCheck.isIpAddress(text)).as(text).isFalse();
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "focusedroom.rate-limit.requests=3", "focusedroom.rate-limit.window=1h" })
	@DirtiesContext
	class WithNoProxyConfigured {

		@LocalServerPort
		private int port;

		@Test
		void aClientCannotChooseItsOwnAddressToEscapeTheRateLimit() throws Exception {
			Visitor visitor = new Visitor(this.port);
			int limited = 0;
			for (int i = 0; i < 6; i++) {
				HttpResponse<String> response = visitor.postJsonWithHeader("/api/v1/big-five",
						Visitor.apiBody("forged" + i + "@example.com", 3, null), "X-Forwarded-For", "198.51.100." + i);
				if (response.statusCode() == 429) {
					limited++;
				}
			}
			assertThat(limited).as("requests over the limit of the one real client").isEqualTo(3);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "focusedroom.rate-limit.requests=3", "focusedroom.rate-limit.window=1h",
					"server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1" })
	@DirtiesContext
	class BehindANamedProxy {

		@LocalServerPort
		private int port;

		@Test
		void eachClientTheProxyReportsHasItsOwnLimit() throws Exception {
			Visitor visitor = new Visitor(this.port);
			for (int i = 0; i < 6; i++) {
				// A proxy that appends the client address to what the client sent.
				HttpResponse<String> response = visitor.postJsonWithHeader("/api/v1/big-five",
						Visitor.apiBody("proxied" + i + "@example.com", 3, null), "X-Forwarded-For",
						"203.0.113.99, 198.51.100." + i);
				assertThat(response.statusCode()).as("client " + i).isEqualTo(201);
			}
			for (int i = 0; i < 3; i++) {
				visitor.postJsonWithHeader("/api/v1/big-five", Visitor.apiBody("same" + i + "@example.com", 3, null),
						"X-Forwarded-For", "192.0.2.44");
			}
			assertThat(visitor
				.postJsonWithHeader("/api/v1/big-five", Visitor.apiBody("same@example.com", 3, null), "X-Forwarded-For",
						"192.0.2.44")
				.statusCode()).isEqualTo(429);
		}

		@Test
		void aForwardedValueThatIsNotAnAddressIsRefused() throws Exception {
			Visitor visitor = new Visitor(this.port);
			HttpResponse<String> response = visitor.postJsonWithHeader("/api/v1/big-five",
					Visitor.apiBody("garbage@example.com", 3, null), "X-Forwarded-For", "<script>");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(visitor.submitForm("/ebook", "/ebook", Map.of("email", "fine@example.com")).statusCode())
				.isEqualTo(303);
		}

	}

}
