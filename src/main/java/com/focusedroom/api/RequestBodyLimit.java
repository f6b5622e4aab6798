package com.focusedroom.api;

import java.io.IOException;

import com.focusedroom.system.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the size of API request bodies: a declared {@code Content-Length} over the limit
 * is answered 413 at once, without reading the body; a body sent without a length
 * (chunked) is cut off when it passes the limit, which the API also answers with 413 (the
 * {@link TooLargeException} thrown while reading knows its answer). Both answers are
 * problems from {@link ErrorAnswers}, with {@code Connection: close}: the rest of the
 * body is not read.
 */
class RequestBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final ErrorAnswers answers;

	RequestBodyLimit(long maxBytes, ErrorAnswers answers) {
		this.maxBytes = maxBytes;
		this.answers = answers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			this.answers.write(new TooLargeException(message()), request, response);
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.maxBytes, message()), response);
	}

	private String message() {
		return "The request body is larger than the " + this.maxBytes + " bytes the API accepts.";
	}

	/**
	 * Thrown while reading a body that passes the limit; its answer is a 413 problem. (An
	 * I/O error, as the read fails; Spring MVC reports it as the cause of an unreadable
	 * body, and the error writer answers with the cause's problem.)
	 */
	static final class TooLargeException extends IOException implements ErrorResponse {

		private static final long serialVersionUID = 1L;

		private final transient ProblemDetail body;

		private final transient HttpHeaders headers = new HttpHeaders();

		TooLargeException(String message) {
			super(message);
			this.body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
			this.headers.set(HttpHeaders.CONNECTION, "close");
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.CONTENT_TOO_LARGE;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public ProblemDetail getBody() {
			return this.body;
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private final String message;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes, String message) {
			super(request);
			this.maxBytes = maxBytes;
			this.message = message;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.maxBytes, this.message);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private final String message;

		private long read;

		LimitedStream(ServletInputStream in, long maxBytes, String message) {
			this.in = in;
			this.maxBytes = maxBytes;
			this.message = message;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLargeException {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new TooLargeException(this.message);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
