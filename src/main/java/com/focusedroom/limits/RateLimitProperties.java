package com.focusedroom.limits;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limiting of public POSTs ({@code focusedroom.rate-limit.*}), per client IP, shared
 * by every app instance on the database.
 *
 * @param enabled whether to limit at all
 * @param requests POSTs a client may make per window (also the burst it may make at once)
 * @param window the time in which {@code requests} tokens refill, evenly
 * @param maxClients how many client addresses to track in memory (without a database, or
 * while it cannot be reached) before idle ones are forgotten
 * @param pdfRequests report PDFs a client may fetch per window (a budget of its own)
 * @param addressHashKey the secret key (32 or more characters) of the keyed hash that
 * stands for a client address in the database; the same on every instance, so that they
 * share each client's budget. Unset, each start makes a random one: the budgets are then
 * this instance's and forgotten when it restarts.
 */
@ConfigurationProperties("focusedroom.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30") long requests,
		@DefaultValue("10m") Duration window, @DefaultValue("100000") int maxClients,
		@DefaultValue("20") long pdfRequests, @Nullable String addressHashKey) {

	static final int MIN_KEY_LENGTH = 32;

	RateLimitProperties {
		if (requests < 1 || pdfRequests < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
			throw new IllegalArgumentException(
					"focusedroom.rate-limit needs requests >= 1, pdf-requests >= 1, a positive window and max-clients >= 1");
		}
		if (addressHashKey != null && addressHashKey.length() < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException(
					"focusedroom.rate-limit.address-hash-key needs at least " + MIN_KEY_LENGTH + " characters");
		}
	}

	@Override
	public String toString() {
		return "RateLimitProperties[enabled=" + this.enabled + ", requests=" + this.requests + ", window=" + this.window
				+ ", maxClients=" + this.maxClients + ", pdfRequests=" + this.pdfRequests + ", addressHashKey=***]";
	}

}
