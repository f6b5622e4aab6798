package com.focusedroom.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a form POST larger than the forms accept with {@code 413 Content Too Large} and
 * a page saying so, before anything reads it. Without this, the server would drop the
 * form's fields, and the visitor would see the missing security token's 403 instead. (The
 * API has its own limit and answers with a problem.)
 */
class FormSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	FormSizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
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
			// Written here, not through the error page: an error dispatch would make the
			// server parse the oversized form after all.
			String root = request.getContextPath();
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setHeader("Connection", "close");
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
						+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
						+ "<title>Too much at once | FocusedRoom</title><link rel=\"stylesheet\" href=\"" + root
						+ "/css/app.css\"></head><body><main id=\"main\" class=\"error-page\">"
						+ "<h1>That was more than we can take</h1><p>The form you sent is larger than we accept, "
						+ "so nothing was stored. Please go back, shorten what you typed and send it again.</p>"
						+ "<p><a href=\"" + root + "/\">Back to the start</a></p></main></body></html>");
			return;
		}
		chain.doFilter(request, response);
	}

}
