package com.focusedroom.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.focusedroom.shared.KeyedHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limit's token buckets in PostgreSQL (table {@code rate_limit_bucket}), shared
 * by every app instance on the database and kept across restarts: with N instances a
 * client still has one budget, not N. One statement per limited request, an upsert of the
 * client's row on its primary key (the generic cell rate algorithm, a token bucket kept
 * as the single time at which the bucket is full again); a refused request writes
 * nothing. The client is stored as a keyed hash of its address, never the address.
 * <p>
 * When the database cannot be reached the limiter fails over to this instance's memory
 * ({@link ClientRateLimits}, the same budget per client and instance) rather than refuse
 * or fail every request, and tries the database again after a few seconds; the request
 * itself then meets the unavailable database and is answered 503 where it needs it.
 */
final class SharedRateLimits implements RateLimits {

	private static final Logger log = LoggerFactory.getLogger(SharedRateLimits.class);

	/** How long the limiter stays in memory after the database failed it. */
	static final Duration RETRY_DATABASE_AFTER = Duration.ofSeconds(5);

	private static final String TAKE = """
			WITH taken AS (
			    INSERT INTO rate_limit_bucket AS b (client_hash, full_at)
			    VALUES (:client, statement_timestamp() + :emission * interval '1 microsecond')
			    ON CONFLICT (client_hash) DO UPDATE
			    SET full_at = greatest(b.full_at, statement_timestamp()) + :emission * interval '1 microsecond'
			    WHERE greatest(b.full_at, statement_timestamp()) + :emission * interval '1 microsecond'
			        <= statement_timestamp() + :tolerance * interval '1 microsecond'
			    RETURNING 0::bigint AS wait_micros
			)
			SELECT wait_micros FROM taken
			UNION ALL
			SELECT greatest(1, (date_part('epoch', b.full_at - statement_timestamp()) * 1000000)::bigint + :emission - :tolerance)
			FROM rate_limit_bucket b
			WHERE b.client_hash = :client AND NOT EXISTS (SELECT 1 FROM taken)
			""";

	private final JdbcClient jdbc;

	private final KeyedHash clients;

	private final long emissionMicros;

	private final long toleranceMicros;

	private final RateLimits fallback;

	private final AtomicLong databaseFailedAt = new AtomicLong(Long.MIN_VALUE);

	SharedRateLimits(JdbcClient jdbc, KeyedHash clients, long capacity, Duration window, RateLimits fallback) {
		this.jdbc = jdbc;
		this.clients = clients;
		long windowMicros = Math.max(1, window.toNanos() / 1000);
		// Each accepted request moves the bucket's "full at" on by one emission interval;
		// capacity of them fit into the tolerance, which is the window rounded up to a
		// whole number of intervals.
		this.emissionMicros = Math.max(1, (windowMicros + capacity - 1) / capacity);
		this.toleranceMicros = this.emissionMicros * capacity;
		this.fallback = fallback;
	}

	@Override
	public Duration take(String client) {
		if (!databaseUsable()) {
			return this.fallback.take(client);
		}
		try {
			Duration wait = takeFromDatabase(client);
			long failedAt = this.databaseFailedAt.get();
			if (failedAt != Long.MIN_VALUE && this.databaseFailedAt.compareAndSet(failedAt, Long.MIN_VALUE)) {
				log.info("The shared rate limit is back in the database");
			}
			return wait;
		}
		catch (DataAccessException ex) {
			if (this.databaseFailedAt.getAndSet(System.nanoTime()) == Long.MIN_VALUE) {
				log.warn("The shared rate limit cannot reach the database ({}); limiting in this instance's memory "
						+ "until it is back", ex.getClass().getSimpleName());
			}
			return this.fallback.take(client);
		}
	}

	private boolean databaseUsable() {
		long failedAt = this.databaseFailedAt.get();
		return failedAt == Long.MIN_VALUE || System.nanoTime() - failedAt >= RETRY_DATABASE_AFTER.toNanos();
	}

	private Duration takeFromDatabase(String client) {
		Long waitMicros = this.jdbc.sql(TAKE)
			.param("client", this.clients.of(client))
			.param("emission", this.emissionMicros)
			.param("tolerance", this.toleranceMicros)
			.query(Long.class)
			.optional()
			// No row: refused by a concurrent first request whose row this statement
			// could not see yet; the next token comes within one interval.
			.orElse(this.emissionMicros);
		// 0 for a token taken; a refusal's wait is at least a microsecond.
		return (waitMicros == 0) ? Duration.ZERO : Duration.ofNanos(waitMicros * 1000);
	}

}
