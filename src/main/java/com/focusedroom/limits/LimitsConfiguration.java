package com.focusedroom.limits;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import com.focusedroom.shared.KeyedHash;
import com.focusedroom.system.ErrorAnswers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Limits on public POSTs, ahead of every other filter (before Spring Security), so
 * refused requests cost almost nothing: the rate limit per client, then the size of
 * forms, then parameters that cannot be decoded. The rate limit's buckets live in the
 * database ({@link SharedRateLimits}), so N instances behind a load balancer allow a
 * client the limit once, not N times, and a restart forgets nothing; without a database
 * (web slice tests) they live in memory. Each answers a refused request itself through
 * the app's error writer ({@link ErrorAnswers}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, SlowClientProperties.class })
class LimitsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

	private final long maxFormBytes;

	/**
	 * The largest body the app reads at all: a form's or the API's, whichever is larger.
	 */
	private final long maxBodyBytes;

	LimitsConfiguration(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize,
			@Value("${focusedroom.api.max-body-size:64KB}") DataSize maxApiBody) {
		this.maxFormBytes = maxFormSize.toBytes();
		this.maxBodyBytes = Math.max(maxFormSize.toBytes(), maxApiBody.toBytes());
	}

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
			RateLimitProperties rateLimits) {
		int maxInFlight = rateLimits.enabled() ? slowClients.maxInFlightPerClient() : 0;
		long maxBody = this.maxBodyBytes;
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(ConfigurableTomcatWebServerFactory factory) {
				factory.addEngineValves(new SlowClientValve(slowClients.deadline(), maxInFlight, maxBody));
			}

		};
	}

	@Bean
	FilterRegistrationBean<SlowClientRefusals> slowClientRefusals(ErrorAnswers answers) {
		FilterRegistrationBean<SlowClientRefusals> registration = new FilterRegistrationBean<>(
				new SlowClientRefusals(answers, this.maxBodyBytes));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> publicPostRateLimit(RateLimitProperties properties, ErrorAnswers answers,
			ApplicationEventPublisher events, ObjectProvider<JdbcClient> database) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
				rateLimits("rate limit", properties.requests(), properties, database.getIfAvailable()), answers, false,
				events));
		registration.setEnabled(properties.enabled());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Report PDFs per client, a budget of their own (issue 12: 10). */
	@Bean
	FilterRegistrationBean<RateLimitFilter> reportPdfRateLimit(RateLimitProperties properties, ErrorAnswers answers,
			ApplicationEventPublisher events, ObjectProvider<JdbcClient> database) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
				rateLimits("pdf limit", properties.pdfRequests(), properties, database.getIfAvailable()), answers, true,
				events));
		registration.setEnabled(properties.enabled());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	@Bean
	IdleBuckets idleRateLimitBuckets(ObjectProvider<JdbcClient> database) {
		return new IdleBuckets(database);
	}

	/**
	 * A limit's buckets: in the database when there is one, in memory otherwise. Each
	 * limit hashes addresses under its own key, so the public POSTs' and the PDFs'
	 * budgets are different rows of the one table.
	 */
	private static RateLimits rateLimits(String limit, long requests, RateLimitProperties properties,
			@Nullable JdbcClient database) {
		ClientRateLimits memory = new ClientRateLimits(requests, properties.window(), properties.maxClients());
		if (database == null) {
			return memory;
		}
		return new SharedRateLimits(database, addressHash(limit, properties), requests, properties.window(), memory);
	}

	private static KeyedHash addressHash(String limit, RateLimitProperties properties) {
		String key = properties.addressHashKey();
		if (key != null) {
			return new KeyedHash(("focusedroom " + limit + " v1\n" + key).getBytes(StandardCharsets.UTF_8));
		}
		log.info("focusedroom.rate-limit.address-hash-key is not set: the rate limit's budgets are this instance's "
				+ "and forgotten when it restarts (set the same key on every instance to share them)");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return new KeyedHash(random);
	}

	@Bean
	FilterRegistrationBean<FormSizeLimit> formSizeLimit(ErrorAnswers answers) {
		FilterRegistrationBean<FormSizeLimit> registration = new FilterRegistrationBean<>(
				new FormSizeLimit(this.maxFormBytes, answers));
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
