package com.focusedroom.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 13: with {@code focusedroom.public-base-url} set, a forged {@code Host}
 * or {@code X-Forwarded-Host} (here from a trusted proxy, which Tomcat would otherwise
 * believe) changes neither the API's {@code reportUrl} and {@code Location} nor an
 * absolute redirect; over raw HTTP, as clients send the headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "focusedroom.public-base-url=https://focusedroom.example",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
				"server.tomcat.remoteip.host-header=X-Forwarded-Host" })
class PublicBaseUrlHttpTests {

	private static final String FORGED = "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
			+ "X-Forwarded-Proto: http\r\n";

	@LocalServerPort
	private int port;

	@Test
	void theApisReportUrlAndLocationUseTheConfiguredBase() throws Exception {
		String body = Visitor.apiBody("forged.host@example.com", 3, null);
		String answer = exchange("POST /api/v1/big-five HTTP/1.1\r\n" + FORGED
				+ "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 201")
			.containsPattern("(?i)location: https://focusedroom\\.example/report/[0-9a-f]{64}\r\n")
			.containsPattern("\"reportUrl\":\"https://focusedroom\\.example/report/[0-9a-f]{64}\"")
			.doesNotContain("evil.example");
	}

	@Test
	void theLoginRedirectUsesTheConfiguredBase() throws Exception {
		String answer = exchange("GET /admin/customers HTTP/1.1\r\n" + FORGED + "Connection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 302")
			.containsPattern("(?i)location: https://focusedroom\\.example/admin/login\r\n")
			.doesNotContain("evil.example");
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					all.write(buffer, 0, read);
				}
			}
			catch (SocketTimeoutException ex) {
				// What arrived is the answer.
			}
			return all.toString(StandardCharsets.UTF_8);
		}
	}

}
