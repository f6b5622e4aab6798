package com.focusedroom.limits;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import com.focusedroom.system.ErrorAnswers;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose client address is not an IP address ({@code 400}). The address
 * is the connection's, or the one a trusted proxy reported in {@code X-Forwarded-For}; a
 * misconfigured proxy that passes a client's text on would otherwise let that text count
 * as an address for the rate limit, the login lockout and the audit log.
 */
class ClientAddressCheck extends OncePerRequestFilter {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final ErrorAnswers errors;

	ClientAddressCheck(ErrorAnswers errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isIpAddress(request.getRemoteAddr())) {
			this.errors.write(HttpStatus.BAD_REQUEST, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the text is an IPv4 or IPv6 address literal (never looked up by name). */
	static boolean isIpAddress(@Nullable String address) {
		if (address == null) {
			return false;
		}
		if (IPV4.matcher(address).matches()) {
			return true;
		}
		if (address.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(address).matches()) {
			return false;
		}
		try {
			// A text with ':' is parsed as an IPv6 literal, never resolved.
			InetAddress.getByName(address);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
