package com.focusedroom.limits;

import java.io.IOException;

import com.focusedroom.system.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a form POST larger than the forms accept with {@code 413 Content Too Large} and
 * a page saying so ({@code templates/error/413.html}), before anything reads it, and
 * closes the connection rather than read the rest. Without this, the server would drop
 * the form's fields, and the visitor would see the missing security token's 403 instead.
 * (The API has its own limit and answers with a problem.)
 */
class FormSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final ErrorAnswers answers;

	FormSizeLimit(long maxBytes, ErrorAnswers answers) {
		this.maxBytes = maxBytes;
		this.answers = answers;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || path.equals("/api") || path.startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			// Written here, not through an error dispatch: that would make the server
			// parse the oversized form after all.
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONNECTION, "close");
			this.answers.write(
					ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
							"The form is larger than the " + this.maxBytes + " bytes we accept; nothing was stored."),
					headers, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
