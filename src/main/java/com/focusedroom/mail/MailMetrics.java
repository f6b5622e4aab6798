package com.focusedroom.mail;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's meters, when a Micrometer registry is present (the actuator is):
 * {@code focusedroom.mail.queued} (messages waiting, in the whole database: every
 * instance reports the same number), {@code focusedroom.mail.oldest.queued.seconds} (how
 * long the oldest due message has waited), counters {@code focusedroom.mail.sent},
 * {@code focusedroom.mail.failed} (tag {@code reason}: {@code rejected},
 * {@code exhausted}, {@code suppressed}, {@code invalid}),
 * {@code focusedroom.mail.retried} (temporary failures) and
 * {@code focusedroom.mail.not.queued} (tag {@code reason}: {@code suppressed},
 * {@code recipient_limit}, {@code client_limit}). The gauges are refreshed from the
 * database every 15 seconds and after each delivery run, never while a scrape waits.
 */
@Component
class MailMetrics {

	private static final Logger log = LoggerFactory.getLogger(MailMetrics.class);

	private final JdbcClient jdbc;

	private final @Nullable MeterRegistry registry;

	private final AtomicLong queued = new AtomicLong();

	private final AtomicLong oldestQueuedSeconds = new AtomicLong();

	MailMetrics(JdbcClient jdbc, ObjectProvider<MeterRegistry> registry) {
		this.jdbc = jdbc;
		this.registry = registry.getIfAvailable();
		if (this.registry != null) {
			Gauge.builder("focusedroom.mail.queued", this.queued, AtomicLong::get)
				.description("Messages in the outbox waiting to be sent")
				.register(this.registry);
			Gauge.builder("focusedroom.mail.oldest.queued.seconds", this.oldestQueuedSeconds, AtomicLong::get)
				.description("How long the oldest due message has waited")
				.baseUnit("seconds")
				.register(this.registry);
		}
	}

	@Scheduled(fixedDelayString = "${focusedroom.mail.metrics-interval:15s}", initialDelay = 5_000)
	void refresh() {
		if (this.registry == null) {
			return;
		}
		try {
			this.jdbc.sql("""
					SELECT count(*) AS queued,
					       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)
					                FILTER (WHERE next_attempt_at <= clock_timestamp())), 0)::bigint AS oldest
					FROM mail_outbox WHERE state = 'queued'""").query((rs) -> {
				this.queued.set(rs.getLong("queued"));
				this.oldestQueuedSeconds.set(rs.getLong("oldest"));
			});
		}
		catch (DataAccessException ex) {
			log.debug("Mail queue depth not refreshed: {}", ex.getMessage());
		}
	}

	void sent() {
		count("focusedroom.mail.sent", null);
	}

	void failed(String reason) {
		count("focusedroom.mail.failed", reason);
	}

	void retried() {
		count("focusedroom.mail.retried", null);
	}

	void notQueued(String reason) {
		count("focusedroom.mail.not.queued", reason);
	}

	private void count(String name, @Nullable String reason) {
		if (this.registry == null) {
			return;
		}
		Counter.Builder counter = Counter.builder(name);
		if (reason != null) {
			counter.tag("reason", reason);
		}
		counter.register(this.registry).increment();
	}

}
