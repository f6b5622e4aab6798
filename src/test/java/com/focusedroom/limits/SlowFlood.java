package com.focusedroom.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A bounded slow-body flood over real HTTP from loopback: connections that each declare a
 * form body and send it one byte at a time, from chosen source addresses in 127.0.0.0/8.
 * A connection the server closes is opened again, so the flood keeps its size until it is
 * stopped. Also a normal client, from an address of its own, and raw requests.
 */
final class SlowFlood implements AutoCloseable {

	private final int port;

	private final List<Slow> connections = new ArrayList<>();

	private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);

	final AtomicInteger reopened = new AtomicInteger();

	SlowFlood(int port) {
		this.port = port;
	}

	/** Opens {@code count} slow connections from the address and keeps them trickling. */
	SlowFlood from(String address, int count) {
		for (int i = 0; i < count; i++) {
			this.connections.add(new Slow(address));
		}
		return this;
	}

	SlowFlood start() {
		this.connections.forEach(Slow::open);
		// One byte per connection every half second, from two threads: far slower than
		// the body's length needs, as an attacker would send it.
		int half = this.connections.size() / 2;
		this.ticks.scheduleWithFixedDelay(() -> tick(0, half), 500, 500, TimeUnit.MILLISECONDS);
		this.ticks.scheduleWithFixedDelay(() -> tick(half, this.connections.size()), 500, 500, TimeUnit.MILLISECONDS);
		return this;
	}

	private void tick(int from, int to) {
		for (int i = from; i < to; i++) {
			this.connections.get(i).trickle();
		}
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
		this.connections.forEach(Slow::close);
	}

	private final class Slow {

		private final String address;

		private Socket socket;

		private boolean broken;

		Slow(String address) {
			this.address = address;
		}

		void open() {
			try {
				this.socket = connect(this.address, SlowFlood.this.port);
				this.socket.getOutputStream()
					.write(("POST /ebook HTTP/1.1\r\nHost: localhost\r\n"
							+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\nemail=")
						.getBytes(StandardCharsets.US_ASCII));
				this.broken = false;
			}
			catch (IOException ex) {
				this.broken = true;
			}
		}

		void trickle() {
			if (this.broken) {
				close();
				SlowFlood.this.reopened.incrementAndGet();
				open();
				return;
			}
			try {
				this.socket.getOutputStream().write('a');
				this.socket.getOutputStream().flush();
			}
			catch (IOException ex) {
				this.broken = true;
			}
		}

		void close() {
			try {
				if (this.socket != null) {
					this.socket.close();
				}
			}
			catch (IOException ex) {
				// Gone already.
			}
		}

	}

	static Socket connect(String from, int port) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(from, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
		return socket;
	}

	/** Worker threads of the app's Tomcat busy with a request right now. */
	static int busyWorkers(WebServerApplicationContext context) {
		Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
		return ((org.apache.tomcat.util.threads.ThreadPoolExecutor) connector.getProtocolHandler().getExecutor())
			.getActiveCount();
	}

	/**
	 * The status line and headers a request gets, read until the server closes or 60 s.
	 */
	static String exchange(String from, int port, String request) throws IOException {
		try (Socket socket = connect(from, port)) {
			socket.setSoTimeout(60_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return readAnswer(socket.getInputStream());
		}
	}

	/** Reads one answer's head (up to the blank line). */
	static String readAnswer(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int previous = -1;
		int lineLength = 0;
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			if (b == '\n') {
				if (lineLength == 0 || (lineLength == 1 && previous == '\r')) {
					break;
				}
				lineLength = 0;
			}
			else {
				lineLength++;
			}
			previous = b;
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Sends the body one byte every 300 ms until an answer arrives (at most two minutes),
	 * then reads the answer's head; empty when none came while sending.
	 */
	static String answerWhileSending(Socket socket, OutputStream out) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			for (int i = 0; i < 400 && in.available() == 0; i++) {
				out.write('a');
				out.flush();
				pause();
			}
		}
		catch (IOException ex) {
			// The server stopped reading; its answer may be there all the same.
		}
		return readAnswer(in);
	}

	/**
	 * Whether the server closes the connection while the client goes on sending a byte
	 * every 300 ms (for at most two minutes): the rest of the answer is read, then the
	 * end of the stream or a reset shows that the server closed it.
	 */
	static boolean closedWhileSending(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		OutputStream out = socket.getOutputStream();
		socket.setSoTimeout(300);
		byte[] rest = new byte[8192];
		try {
			for (int i = 0; i < 400; i++) {
				try {
					if (in.read(rest) < 0) {
						return true;
					}
				}
				catch (java.net.SocketTimeoutException ex) {
					out.write('a');
					out.flush();
				}
			}
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void pause() {
		LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
	}

}
