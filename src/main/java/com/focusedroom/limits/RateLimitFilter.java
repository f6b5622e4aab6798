package com.focusedroom.limits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every public POST per client IP: over the limit, {@code 429 Too Many Requests}
 * with {@code Retry-After} (seconds), as a problem (JSON) under {@code /api} and as a
 * page otherwise. The admin area, behind its login, is not limited here. The client IP is
 * the connection's, or the one a trusted proxy reports when
 * {@code server.forward-headers-strategy} is set (it is, to {@code native}).
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final ClientRateLimits limits;

	RateLimitFilter(ClientRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !"POST".equals(request.getMethod()) || path.equals("/admin") || path.startsWith("/admin/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = this.limits.take(clientKey(request.getRemoteAddr()));
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		String path = path(request);
		if (path.equals("/api") || path.startsWith("/api/")) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
						+ "\"detail\":\"Too many requests from this address; try again in " + seconds
						+ " second(s).\",\"retryAfterSeconds\":" + seconds + "}");
			return;
		}
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
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
