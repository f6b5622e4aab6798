package com.focusedroom.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the rate limit ahead of every other filter (before Spring Security), so
 * refused requests cost almost nothing. The limits live in this instance's memory: with N
 * instances behind a load balancer, a client may make up to N times the limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	FilterRegistrationBean<RateLimitFilter> publicPostRateLimit(RateLimitProperties properties) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
				new ClientRateLimits(properties.requests(), properties.window(), properties.maxClients())));
		registration.setEnabled(properties.enabled());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
