package com.focusedroom.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose query or form cannot be decoded (such as
 * {@code ?email=ada%40example.com%zz}) with {@code 400 Bad Request} at once. Without
 * this, the server's parameter parser fails wherever the first parameter is read, the
 * request ends as an error, and the server logs the failing parameter with its value: an
 * email address in the log. Here the failure is answered without reading or logging any
 * value.
 */
class MalformedParameters extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException; its message holds the value, so it is
			// dropped.
			badRequest(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void badRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String root = request.getContextPath();
		String path = request.getRequestURI().substring(root.length());
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setCharacterEncoding("UTF-8");
		if (path.startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"The request's parameters are not correctly URL-encoded.\"}");
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>Something went wrong | FocusedRoom</title><link rel=\"stylesheet\" href=\"" + root
					+ "/css/app.css\"></head><body><main id=\"main\" class=\"error-page\">"
					+ "<h1>That request was not understood</h1><p>Part of the address or form was garbled on the way, "
					+ "so nothing was stored. Please go back and try again.</p><p>Error 400.</p>" + "<p><a href=\""
					+ root + "/\">Back to the start</a></p></main></body></html>");
	}

}
