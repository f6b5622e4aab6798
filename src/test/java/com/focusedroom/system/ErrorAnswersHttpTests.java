package com.focusedroom.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error answers that only a real server gives, over raw HTTP: a query that cannot be
 * decoded, an oversized form (answered before it is read, and the connection closed), and
 * {@code /error} opened directly.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorAnswersHttpTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	@LocalServerPort
	private int port;

	@Test
	void aQueryThatCannotBeDecodedIsA400PageForBrowsersAndA400ProblemForTheApiAndJsonClients() throws Exception {
		Answer page = send("GET /big-five?email=ada%40example.com%zz HTTP/1.1\r\nAccept: " + BROWSER + "\r\n", "");
		assertThat(page.status).isEqualTo(400);
		assertThat(page.header("content-type")).startsWith("text/html");
		assertThat(page.body).contains("That request was not understood", "/css/app.css")
			.doesNotContain("ada@example.com", "ada%40example.com");

		Answer json = send("GET /big-five?email=ada%40example.com%zz HTTP/1.1\r\nAccept: application/json\r\n", "");
		assertThat(json.status).isEqualTo(400);
		assertThat(json.header("content-type")).isEqualTo("application/problem+json");
		assertThat(json.body).contains("\"status\":400", "\"title\":\"Bad Request\"", "\"instance\":\"/big-five\"")
			.doesNotContain("ada");

		Answer api = send("GET /api/v1/big-five/items?x=%zz HTTP/1.1\r\nAccept: " + BROWSER + "\r\n", "");
		assertThat(api.status).isEqualTo(400);
		assertThat(api.header("content-type")).isEqualTo("application/problem+json");
		assertThat(api.body).contains("\"status\":400", "\"instance\":\"/api/v1/big-five/items\"");
	}

	@Test
	void anOversizedFormIsAnswered413WithThePageAndTheConnectionClosedWithoutReadingIt() throws Exception {
		String form = "email=oversized%40example.com&name=" + "x".repeat(100_000);
		// Asked to keep the connection open, the server closes it all the same.
		Answer answer = send("POST /ebook HTTP/1.1\r\nAccept: " + BROWSER
				+ "\r\nConnection: keep-alive\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ form.length() + "\r\n", form);
		assertThat(answer.status).isEqualTo(413);
		assertThat(answer.header("connection")).isEqualTo("close");
		assertThat(answer.closed).as("the server closed the connection").isTrue();
		// Delimited by its length, not by the connection's end: a client still sending
		// the body may see the connection reset before it has read to the end.
		assertThat(answer.header("content-length"))
			.isEqualTo(String.valueOf(answer.body.getBytes(StandardCharsets.UTF_8).length));
		assertThat(answer.header("content-type")).startsWith("text/html");
		assertThat(answer.body)
			.contains("Too much at once | FocusedRoom", "That was more than we can take",
					"The form you sent is larger than we accept, so nothing was stored.", "/css/app.css")
			.doesNotContain("<script");
	}

	@Test
	void theErrorPathOpenedDirectlyIsA404() throws Exception {
		Answer page = send("GET /error HTTP/1.1\r\nAccept: " + BROWSER + "\r\n", "");
		assertThat(page.status).isEqualTo(404);
		assertThat(page.body).contains("We could not find that page");
		assertThat(page.header("content-security-policy")).contains("default-src 'self'");
		Answer problem = send("GET /error HTTP/1.1\r\nAccept: application/json\r\n", "");
		assertThat(problem.status).isEqualTo(404);
		assertThat(problem.body).contains("\"status\":404", "\"instance\":\"/error\"");
	}

	/**
	 * Sends one request (its request line and headers, each ending in CRLF; unless they
	 * say otherwise, with {@code Connection: close}) and reads the answer until the
	 * server closes the connection or five seconds pass; the server may close before the
	 * whole body is sent.
	 */
	private Answer send(String head, String body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			String connection = head.contains("Connection:") ? "" : "Connection: close\r\n";
			out.write((head + "Host: localhost\r\n" + connection + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(body.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException ex) {
				// The server answered and closed before taking the whole body.
			}
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			boolean closed = false;
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					received.write(buffer, 0, n);
				}
				closed = true;
			}
			catch (SocketTimeoutException ex) {
				// Still open; what arrived is the answer.
			}
			catch (SocketException ex) {
				closed = true;
			}
			return Answer.parse(received.toString(StandardCharsets.UTF_8), closed);
		}
	}

	private record Answer(int status, Map<String, String> headers, String body, boolean closed) {

		static Answer parse(String raw, boolean closed) {
			int end = raw.indexOf("\r\n\r\n");
			assertThat(end).as("an HTTP answer: %s", raw).isPositive();
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4), closed);
		}

		String header(String name) {
			return this.headers.get(name);
		}

	}

}
