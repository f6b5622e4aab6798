package com.focusedroom.gdpr;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import com.focusedroom.audit.Actor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Storage limitation (GDPR Art. 5(1)(e)): erases customers without consent whose last
 * visit is older than {@code focusedroom.gdpr.retention.unconsented-after}. Off unless
 * that is set; runs on {@code focusedroom.gdpr.retention.cron}. Each customer is erased
 * in its own transaction, exactly as an admin's erasure, and audited as the retention
 * job. With several app instances, one runs each scheduled run (ShedLock, see
 * {@code system.ScheduledJobsConfiguration}); the lock is kept at least
 * {@code focusedroom.gdpr.retention.lock-at-least-for} so that no other instance runs the
 * same tick late.
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/** How the job appears in the audit log. */
	static final Actor ACTOR = Actor.job("retention job");

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Erasures erasures;

	private final GdprProperties.Retention retention;

	private final Clock clock;

	RetentionJob(JdbcClient jdbc, Erasures erasures, GdprProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.erasures = erasures;
		this.retention = properties.retention();
	}

	@Scheduled(cron = "${focusedroom.gdpr.retention.cron:0 30 3 * * *}")
	@SchedulerLock(name = "gdpr-retention", lockAtMostFor = "PT6H",
			lockAtLeastFor = "${focusedroom.gdpr.retention.lock-at-least-for:PT1M}")
	void runScheduled() {
		if (!this.retention.enabled()) {
			return;
		}
		if (!this.erasures.available()) {
			log.warn("The retention job cannot erase: focusedroom.gdpr.email-hash-key is not set");
			return;
		}
		Duration unconsentedAfter = Objects.requireNonNull(this.retention.unconsentedAfter());
		int erased = eraseUnconsentedIdleSince(OffsetDateTime.now(this.clock).minus(unconsentedAfter));
		log.info("Retention job erased {} customer(s) without consent idle for more than {}", erased,
				this.retention.unconsentedAfter());
	}

	/**
	 * Erases every customer without consent whose last visit was before the cutoff.
	 * @return how many were erased
	 */
	int eraseUnconsentedIdleSince(OffsetDateTime cutoff) {
		int erased = 0;
		long after = 0;
		while (true) {
			List<Long> batch = this.jdbc.sql("""
					-- the customer read model (DATABASE_SCHEMA.md)
					SELECT customer_id FROM customer
					WHERE NOT opt_in AND updated_at < :cutoff AND customer_id > :after
					ORDER BY customer_id LIMIT :batch
					""").param("cutoff", cutoff).param("after", after).param("batch", BATCH).query(Long.class).list();
			if (batch.isEmpty()) {
				return erased;
			}
			for (long customerId : batch) {
				if (this.erasures.eraseIfIdleWithoutConsent(customerId, cutoff)) {
					erased++;
				}
				after = customerId;
			}
		}
	}

}
