package com.focusedroom.limits;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client of the current request as the limits count it: its IP address, an IPv6
 * address by its /64 network (behind a trusted proxy, the forwarded address). The mail
 * module limits the mail one client can cause with it.
 */
public final class RequestingClient {

	private RequestingClient() {
	}

	/** The current request's client, or {@code null} outside a request (a job). */
	public static @Nullable String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return RateLimitFilter.clientKey(attributes.getRequest().getRemoteAddr());
		}
		return null;
	}

}
