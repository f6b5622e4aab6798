package com.focusedroom.limits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

import com.focusedroom.system.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every public POST per client IP: over the limit, {@code 429 Too Many Requests}
 * with {@code Retry-After} (seconds), as a problem (JSON) under {@code /api} and as a
 * page otherwise ({@code templates/error/429.html}), both from {@link ErrorAnswers}
 * without an error dispatch. The admin area, behind its login, is not limited here (its
 * login form is). The client IP is the connection's, or the one a trusted proxy reports
 * when {@code server.forward-headers-strategy} is set (it is, to {@code native}).
 */
class RateLimitFilter extends OncePerRequestFilter {

	/** The admin login form, the one POST under /admin that needs no login. */
	static final String LOGIN_PATH = "/admin/login";

	/** The report's PDF, the costliest public request (issue 12: 10). */
	private static final Pattern REPORT_PDF = Pattern.compile("/report/[0-9a-zA-Z_-]{32,64}\\.pdf");

	private final RateLimits limits;

	private final ErrorAnswers answers;

	private final boolean pdfs;

	private final ApplicationEventPublisher events;

	/**
	 * @param pdfs {@code true} to limit GETs of report PDFs, {@code false} for public
	 * POSTs
	 */
	RateLimitFilter(RateLimits limits, ErrorAnswers answers, boolean pdfs, ApplicationEventPublisher events) {
		this.limits = limits;
		this.answers = answers;
		this.pdfs = pdfs;
		this.events = events;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		if (this.pdfs) {
			return !REPORT_PDF.matcher(path).matches();
		}
		boolean admin = path.equals("/admin") || path.startsWith("/admin/");
		// The login form is public: limited like every public POST, so anonymous attempts
		// cannot write failure and audit rows at will.
		return !"POST".equals(request.getMethod()) || (admin && !path.equals(LOGIN_PATH));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = this.limits.take(clientKey(request.getRemoteAddr()));
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		this.events
			.publishEvent(new RequestLimited(this.pdfs ? RequestLimited.REPORT_PDF : RequestLimited.PUBLIC_POST));
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this address; try again in " + seconds + " second(s).");
		problem.setProperty("retryAfterSeconds", seconds);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.answers.write(problem, headers, request, response);
	}

	/**
	 * The client an address counts as: an IPv4 address itself, an IPv6 address by its /64
	 * network, since one subscriber usually holds a whole /64 and could otherwise rotate
	 * through its addresses.
	 */
	static String clientKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			StringBuilder key = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				key.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
			}
			return key.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
