package com.focusedroom.limits;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps table {@code rate_limit_bucket} small: deletes the buckets that are full again,
 * which hold no information (a client without a row has a full budget), so the table
 * holds at most the clients of the last window and cleanup period. Every five minutes by
 * default ({@code focusedroom.rate-limit.cleanup-cron}), on one instance at a time.
 */
class IdleBuckets {

	private final ObjectProvider<JdbcClient> database;

	IdleBuckets(ObjectProvider<JdbcClient> database) {
		this.database = database;
	}

	@Scheduled(cron = "${focusedroom.rate-limit.cleanup-cron:0 */5 * * * *}")
	@SchedulerLock(name = "rate-limit-idle-buckets")
	void deleteFull() {
		this.database.ifAvailable(
				(jdbc) -> jdbc.sql("DELETE FROM rate_limit_bucket WHERE full_at < statement_timestamp()").update());
	}

}
