package com.focusedroom.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acts, and from where: the logged-in admin and the request's IP address, a customer
 * acting on their own data, or a job.
 *
 * @param name the admin's username, or a job's name
 * @param remoteAddress the client's IP address; {@code null} for a job
 */
public record Actor(String name, @Nullable String remoteAddress) {

	/** Longest address stored: an IPv6 address with an embedded IPv4 address. */
	static final int MAX_ADDRESS_LENGTH = 45;

	/** A scheduled job, which acts from nowhere. */
	public static Actor job(String name) {
		return new Actor(name, null);
	}

	/** How a customer acting on their own data through "my reports" is named. */
	public static final String CUSTOMER = "customer (my reports)";

	/**
	 * The customer of the current request, signed in to "my reports", acting on their own
	 * data (the entry's customer says who).
	 */
	public static Actor customer() {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		return new Actor(CUSTOMER, (request != null) ? addressOf(request) : null);
	}

	/** The admin of the current request. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String name = (authentication != null) ? authentication.getName() : "anonymous";
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		return new Actor(name, (request != null) ? addressOf(request) : null);
	}

	/** The request's client address as the audit log and the login lockout store it. */
	public static String addressOf(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null) {
			return "unknown";
		}
		return (address.length() > MAX_ADDRESS_LENGTH) ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
	}

}
