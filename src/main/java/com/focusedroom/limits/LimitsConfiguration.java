package com.focusedroom.limits;

import com.focusedroom.system.ErrorAnswers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Limits on public POSTs, ahead of every other filter (before Spring Security), so
 * refused requests cost almost nothing: the rate limit per client, then the size of
 * forms, then parameters that cannot be decoded. The rate limits live in this instance's
 * memory: with N instances behind a load balancer, a client may make up to N times the
 * limit. Each answers a refused request itself through the app's error writer
 * ({@link ErrorAnswers}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, SlowClientProperties.class })
class LimitsConfiguration {

	@Bean
	FilterRegistrationBean<ClientAddressCheck> clientAddressCheck(ErrorAnswers answers) {
		FilterRegistrationBean<ClientAddressCheck> registration = new FilterRegistrationBean<>(
				new ClientAddressCheck(answers));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * The slow-client valve (after the forwarded-address valve, so it counts the client's
	 * address): the per-client cap on requests in progress applies while rate limiting is
	 * on; the deadline always.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> slowClientValve(SlowClientProperties slowClients,
			RateLimitProperties rateLimits, @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize,
			@Value("${focusedroom.api.max-body-size:64KB}") DataSize maxApiBody) {
		int maxInFlight = rateLimits.enabled() ? slowClients.maxInFlightPerClient() : 0;
		long maxBody = Math.max(maxFormSize.toBytes(), maxApiBody.toBytes());
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(ConfigurableTomcatWebServerFactory factory) {
				factory.addEngineValves(new SlowClientValve(slowClients.deadline(), maxInFlight, maxBody));
			}

		};
	}

	@Bean
	FilterRegistrationBean<SlowClientRefusals> slowClientRefusals(ErrorAnswers answers,
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize,
			@Value("${focusedroom.api.max-body-size:64KB}") DataSize maxApiBody) {
		FilterRegistrationBean<SlowClientRefusals> registration = new FilterRegistrationBean<>(
				new SlowClientRefusals(answers, Math.max(maxFormSize.toBytes(), maxApiBody.toBytes())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> publicPostRateLimit(RateLimitProperties properties, ErrorAnswers answers,
			ApplicationEventPublisher events) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
				new ClientRateLimits(properties.requests(), properties.window(), properties.maxClients()), answers,
				false, events));
		registration.setEnabled(properties.enabled());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Report PDFs per client, a budget of their own (issue 12: 10). */
	@Bean
	FilterRegistrationBean<RateLimitFilter> reportPdfRateLimit(RateLimitProperties properties, ErrorAnswers answers,
			ApplicationEventPublisher events) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
				new ClientRateLimits(properties.pdfRequests(), properties.window(), properties.maxClients()), answers,
				true, events));
		registration.setEnabled(properties.enabled());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	@Bean
	FilterRegistrationBean<FormSizeLimit> formSizeLimit(
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize, ErrorAnswers answers) {
		FilterRegistrationBean<FormSizeLimit> registration = new FilterRegistrationBean<>(
				new FormSizeLimit(maxFormSize.toBytes(), answers));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedParameters> malformedParameters(ErrorAnswers answers) {
		FilterRegistrationBean<MalformedParameters> registration = new FilterRegistrationBean<>(
				new MalformedParameters(answers));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

}
