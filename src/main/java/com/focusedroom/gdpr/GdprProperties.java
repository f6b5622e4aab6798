package com.focusedroom.gdpr;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Erasure and retention settings.
 *
 * @param emailHashKey the secret key of the HMAC that keeps an erased customer's email
 * recognisable; never stored in the database. Without it, erasure is refused.
 * @param retention the job that removes customers without consent
 */
@ConfigurationProperties("focusedroom.gdpr")
record GdprProperties(@Nullable String emailHashKey, @DefaultValue Retention retention) {

	/** Keys shorter than this are refused: an HMAC key should hold 256 bits. */
	static final int MIN_KEY_LENGTH = 32;

	boolean erasureConfigured() {
		return this.emailHashKey != null && this.emailHashKey.length() >= MIN_KEY_LENGTH;
	}

	@Override
	public String toString() {
		return "GdprProperties[emailHashKey=***, retention=" + this.retention + "]";
	}

	/**
	 * Customers without consent whose last visit is older than {@code unconsentedAfter}
	 * are erased by a daily job.
	 *
	 * @param unconsentedAfter how long a customer without consent is kept after their
	 * last visit; unset (the default) switches the job off. When it runs is
	 * {@code focusedroom.gdpr.retention.cron}, read by {@link RetentionJob}'s schedule.
	 */
	record Retention(@Nullable Duration unconsentedAfter) {

		boolean enabled() {
			return this.unconsentedAfter != null && !this.unconsentedAfter.isZero()
					&& !this.unconsentedAfter.isNegative();
		}

	}

}
