package com.focusedroom.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slow and greedy clients ({@code focusedroom.slow-clients.*}; {@link SlowClientValve}).
 *
 * @param deadline how long a request may take to arrive, headers and body, counted from
 * its first byte (408 after that)
 * @param maxInFlightPerClient requests one client address (an IPv6 address by its /64)
 * may have in progress at once on this instance (429 beyond; only while rate limiting is
 * on)
 */
@ConfigurationProperties("focusedroom.slow-clients")
record SlowClientProperties(@DefaultValue("20s") Duration deadline, @DefaultValue("20") int maxInFlightPerClient) {

	SlowClientProperties {
		if (deadline.isNegative() || deadline.isZero() || maxInFlightPerClient < 1) {
			throw new IllegalArgumentException(
					"focusedroom.slow-clients needs a positive deadline and max-in-flight-per-client >= 1");
		}
	}

}
