package com.focusedroom.limits;

import java.io.IOException;

import com.focusedroom.system.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose query or form cannot be decoded (such as
 * {@code ?email=ada%40example.com%zz}) with {@code 400 Bad Request} at once. Without
 * this, the server's parameter parser fails wherever the first parameter is read, the
 * request ends as an error, and the server logs the failing parameter with its value: an
 * email address in the log. Here the failure is answered without logging any value, by
 * the app's one error writer ({@link ErrorAnswers}: the error page for browsers, a
 * problem for the API and clients that ask for JSON), without an error dispatch.
 */
class MalformedParameters extends OncePerRequestFilter {

	private final ErrorAnswers answers;

	MalformedParameters(ErrorAnswers answers) {
		this.answers = answers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// Tomcat's InvalidParameterException; its message holds the value, so it is
			// dropped.
			this.answers.write(HttpStatus.BAD_REQUEST, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
