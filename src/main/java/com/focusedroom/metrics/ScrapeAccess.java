package com.focusedroom.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} is on the public port but not public: it answers only a
 * request with the scrape token ({@code Authorization: Bearer <token>}, compared by its
 * SHA-256 in constant time), and {@code 401} with no metrics to anyone else, on whatever
 * port the actuator is served ({@code management.server.port} moves it, the rule stays).
 * Its own filter chain, ahead of the site's: no session, no CSRF, no login page.
 */
@Configuration(proxyBeanMethods = false)
// Only where there is a web server to guard: the verify command runs without one.
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(MetricsProperties.class)
class ScrapeAccess {

	private static final Logger log = LoggerFactory.getLogger(ScrapeAccess.class);

	private static final String BEARER = "Bearer ";

	@Bean
	@Order(0)
	SecurityFilterChain prometheusScrape(HttpSecurity http, MetricsProperties properties) throws Exception {
		byte @Nullable [] expected = (properties.scrapeTokenSha256() == null) ? null
				: HexFormat.of().parseHex(properties.scrapeTokenSha256());
		if (expected == null) {
			log.info("/actuator/prometheus refuses every request until focusedroom.metrics.scrape-token-sha256 is set");
		}
		http.securityMatcher(EndpointRequest.to(PrometheusScrapeEndpoint.class))
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access((authentication, context) -> new AuthorizationDecision(
						expected != null && MessageDigest.isEqual(expected, presentedHash(context.getRequest())))))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
			}));
		return http.build();
	}

	/** The SHA-256 of the bearer token the request carries; empty without one. */
	static byte[] presentedHash(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return new byte[0];
		}
		return sha256(header.substring(BEARER.length()).strip());
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
