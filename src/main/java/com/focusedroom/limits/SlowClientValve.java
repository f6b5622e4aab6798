package com.focusedroom.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.jspecify.annotations.Nullable;

/**
 * Keeps slow and greedy clients from holding Tomcat's worker threads (issue 12, item 1).
 * A servlet reads a request body with blocking reads, each of which waits up to the
 * connection timeout for the next byte; a body that trickles in one byte every few
 * seconds therefore holds its thread for as long as the client likes, and some two
 * hundred of them hold every thread. This valve, in Tomcat's engine pipeline after the
 * forwarded-address valve:
 * <ul>
 * <li>counts each client's requests in progress on this instance and refuses more than
 * {@code maxInFlight} at once (429), without reading the body;</li>
 * <li>reads a request's body before the application sees it, and gives up when the
 * request (headers and body) has not arrived by the deadline, counted from its first byte
 * (408); the body read is handed to Tomcat to replay, so forms and the API read it as
 * usual;</li>
 * <li>after an answer that left the body unread (a 413, a 429), reads the rest only until
 * the deadline, then closes the connection instead of letting Tomcat swallow the rest at
 * the client's pace.</li>
 * </ul>
 * The answers themselves are written by {@link SlowClientRefusals}, through the app's
 * error writer, from the {@link #REFUSAL} attribute this valve sets.
 */
final class SlowClientValve extends ValveBase {

	/** The request attribute that names why the request is refused. */
	static final String REFUSAL = SlowClientValve.class.getName() + ".refusal";

	/** Why a request is refused before the application sees it. */
	enum Refusal {

		/** The client has too many requests in progress already. */
		TOO_MANY_IN_FLIGHT,
		/** The request did not arrive by the deadline. */
		TOO_SLOW,
		/** A body without a declared length grew past the largest body the app takes. */
		TOO_LARGE

	}

	/** The most of an unread body read after the answer, as Tomcat's maxSwallowSize. */
	private static final long MAX_DRAIN = 2 * 1024 * 1024;

	private final long deadlineNanos;

	private final int maxInFlight;

	private final long maxBody;

	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	/**
	 * @param deadline how long a request may take to arrive, headers and body
	 * @param maxInFlight requests one client may have in progress at once, 0 for no limit
	 * @param maxBody the largest body read ahead (the largest the app accepts)
	 */
	SlowClientValve(Duration deadline, int maxInFlight, long maxBody) {
		super(true);
		this.deadlineNanos = deadline.toNanos();
		this.maxInFlight = maxInFlight;
		this.maxBody = maxBody;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		String client = (this.maxInFlight > 0) ? RateLimitFilter.clientKey(request.getRemoteAddr()) : null;
		if (client == null) {
			handle(request, response, false);
			return;
		}
		int count = this.inFlight.merge(client, 1, Integer::sum);
		try {
			handle(request, response, count > this.maxInFlight);
		}
		finally {
			this.inFlight.computeIfPresent(client, (key, value) -> (value <= 1) ? null : value - 1);
		}
	}

	/** Clients with requests in progress (for tests: the map does not grow). */
	int clientsInFlight() {
		return this.inFlight.size();
	}

	private void handle(Request request, Response response, boolean tooMany) throws IOException, ServletException {
		long deadline = deadline(request);
		Refusal refusal = tooMany ? Refusal.TOO_MANY_IN_FLIGHT : readBodyAhead(request, deadline);
		if (refusal != null) {
			request.setAttribute(REFUSAL, refusal);
		}
		getNext().invoke(request, response);
		if (request.isAsync()) {
			return;
		}
		if (refusal != null) {
			closeUnread(request);
		}
		else if (!request.getCoyoteRequest().isFinished()) {
			drainUntil(deadline, request, response);
		}
	}

	private long deadline(Request request) {
		long start = request.getCoyoteRequest().getStartTimeNanos();
		return ((start > 0) ? start : System.nanoTime()) + this.deadlineNanos;
	}

	/**
	 * Reads the whole body, then hands it to Tomcat to replay to the application.
	 * @return why the request is refused, or {@code null} when the body is read (or there
	 * is none, or its declared length is over the limit: the app answers 413 to that)
	 */
	private @Nullable Refusal readBodyAhead(Request request, long deadline) {
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		long length = coyote.getContentLengthLong();
		boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
		if ((length <= 0 && !chunked) || length > this.maxBody) {
			return null;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream((length > 0) ? (int) length : 1024);
		Chunks chunks = new Chunks();
		try {
			while (true) {
				if (System.nanoTime() - deadline > 0) {
					return Refusal.TOO_SLOW;
				}
				if (coyote.doRead(chunks) < 0) {
					break;
				}
				ByteBuffer chunk = chunks.getByteBuffer();
				if (body.size() + chunk.remaining() > this.maxBody) {
					return Refusal.TOO_LARGE;
				}
				byte[] bytes = new byte[chunk.remaining()];
				chunk.get(bytes);
				body.write(bytes, 0, bytes.length);
			}
		}
		catch (IOException ex) {
			// A read that timed out (the connection timeout) or a client that went away.
			return Refusal.TOO_SLOW;
		}
		ByteChunk replay = new ByteChunk();
		byte[] bytes = body.toByteArray();
		replay.setBytes(bytes, 0, bytes.length);
		coyote.action(ActionCode.REQ_SET_BODY_REPLAY, replay);
		return null;
	}

	/**
	 * Sends the answer, then reads what is left of the body until the deadline; a client
	 * still sending then has its connection closed.
	 */
	private void drainUntil(long deadline, Request request, Response response) throws IOException {
		response.finishResponse();
		org.apache.coyote.Request coyote = request.getCoyoteRequest();
		Chunks chunks = new Chunks();
		long drained = 0;
		try {
			while (drained <= MAX_DRAIN && System.nanoTime() - deadline <= 0) {
				int read = coyote.doRead(chunks);
				if (read < 0) {
					return;
				}
				drained += read;
			}
		}
		catch (IOException ex) {
			// Closed below.
		}
		closeUnread(request);
	}

	/** Tells Tomcat not to read the rest of the body, but to close the connection. */
	private static void closeUnread(Request request) {
		if (!request.getCoyoteRequest().isFinished()) {
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	/** Receives the chunks Tomcat reads (a view of its buffer, copied at once). */
	private static final class Chunks implements ApplicationBufferHandler {

		private ByteBuffer buffer = ApplicationBufferHandler.EMPTY_BUFFER;

		@Override
		public void setByteBuffer(ByteBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public ByteBuffer getByteBuffer() {
			return this.buffer;
		}

		@Override
		public void expand(int size) {
			// Tomcat hands over views of its own buffer; nothing to expand.
		}

	}

}
