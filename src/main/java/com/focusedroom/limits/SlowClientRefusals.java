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
 * Answers the requests that {@link SlowClientValve} refused, through the app's error
 * writer (a page, or a problem for the API), with {@code Connection: close}: too many in
 * progress from one client (429), a request that did not arrive in time (408), a body
 * without a declared length larger than the app takes (413). Nothing is stored; the body
 * is not read.
 */
class SlowClientRefusals extends OncePerRequestFilter {

	private final ErrorAnswers answers;

	private final long maxBody;

	SlowClientRefusals(ErrorAnswers answers, long maxBody) {
		this.answers = answers;
		this.maxBody = maxBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(SlowClientValve.REFUSAL) instanceof SlowClientValve.Refusal refusal)) {
			chain.doFilter(request, response);
			return;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONNECTION, "close");
		ProblemDetail problem = switch (refusal) {
			case TOO_MANY_IN_FLIGHT -> {
				headers.set(HttpHeaders.RETRY_AFTER, "1");
				ProblemDetail tooMany = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
						"Too many requests from this address at once; try again when they are answered.");
				tooMany.setProperty("retryAfterSeconds", 1);
				yield tooMany;
			}
			case TOO_SLOW -> ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
					"The request did not arrive in time; nothing was stored.");
			case TOO_LARGE -> ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, isApi(request)
					? "The request body is larger than the " + this.maxBody + " bytes the API accepts."
					: "The request is larger than the " + this.maxBody + " bytes we accept; nothing was stored.");
		};
		this.answers.write(problem, headers, request, response);
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

}
