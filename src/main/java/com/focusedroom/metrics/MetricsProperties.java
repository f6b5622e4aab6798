package com.focusedroom.metrics;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may read {@code /actuator/prometheus}.
 *
 * @param scrapeTokenSha256 the SHA-256 (64 hex digits) of the bearer token Prometheus
 * sends ({@code Authorization: Bearer <token>}); unset, nobody can read the metrics. The
 * token itself is never configured: a leaked configuration does not grant the scrape.
 */
@ConfigurationProperties("focusedroom.metrics")
@Validated
record MetricsProperties(@Nullable @Pattern(regexp = "[0-9a-fA-F]{64}",
		message = "must be the SHA-256 of the scrape token in 64 hex digits, e.g. from: printf %s \"$TOKEN\" | sha256sum") String scrapeTokenSha256) {

}
