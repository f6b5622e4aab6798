package com.focusedroom.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting of public POSTs ({@code focusedroom.rate-limit.*}), per client IP and per
 * app instance.
 *
 * @param enabled whether to limit at all
 * @param requests POSTs a client may make per window (also the burst it may make at once)
 * @param window the time in which {@code requests} tokens refill, evenly
 * @param maxClients how many client addresses to track before idle ones are forgotten
 * @param pdfRequests report PDFs a client may fetch per window (a budget of its own)
 */
@ConfigurationProperties("focusedroom.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30") long requests,
		@DefaultValue("10m") Duration window, @DefaultValue("100000") int maxClients,
		@DefaultValue("20") long pdfRequests) {

	RateLimitProperties {
		if (requests < 1 || pdfRequests < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
			throw new IllegalArgumentException(
					"focusedroom.rate-limit needs requests >= 1, pdf-requests >= 1, a positive window and max-clients >= 1");
		}
	}

}
