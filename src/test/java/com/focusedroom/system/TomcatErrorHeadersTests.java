package com.focusedroom.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 13: requests that Tomcat answers itself, before any of the app's filters
 * (a malformed request line, an invalid header, a bad URI), carry the security headers of
 * docs/security.md too; over raw sockets, as no HTTP client sends such requests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TomcatErrorHeadersTests {

	@LocalServerPort
	private int port;

	@Test
	void tomcatsOwnErrorAnswersCarryTheSecurityHeaders() throws Exception {
		List<String> malformed = List.of("GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n",
				"GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n",
				"GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
				"GET /..%2f..%2fetc HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
				"GET / HTTP/9.9\r\nHost: localhost\r\n\r\n", "G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n");
		for (String request : malformed) {
			String answer = exchange(request);
			String head = answer.toLowerCase(Locale.ROOT);
			assertThat(head).as(request).matches("(?s)http/1\\.1 [45]\\d\\d.*");
			assertThat(head).as(request)
				.contains("content-security-policy: default-src 'self'", "x-frame-options: deny",
						"x-content-type-options: nosniff", "referrer-policy: same-origin", "cache-control: no-cache")
				.doesNotContain("tomcat", "apache", "exception");
		}
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					all.write(buffer, 0, read);
					if (all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
						break;
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// What arrived is the answer.
			}
			return all.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
