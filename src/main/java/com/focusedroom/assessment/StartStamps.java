package com.focusedroom.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

import com.focusedroom.shared.KeyedHash;
import org.jspecify.annotations.Nullable;

/**
 * How long answering the web test took, measured on the server so that it works without
 * JavaScript: the test page carries a hidden field {@code started} holding when the page
 * was served and an HMAC of it, and the submission takes the seconds since then.
 * <p>
 * The stamp is tamper-evident, not secret: a changed, foreign (another key: another
 * instance without a shared key, or before a restart) or malformed stamp is never an
 * error, the time is just unknown. A stamp can be sent again (the back button, a reload
 * that keeps the form, a form coming back with errors, answers carried over by the page's
 * script): the time is then counted from the earlier page, so it can come out longer than
 * the answering was, never shorter; the only check that reads it flags times that are too
 * short, so a long time never wrongs anyone.
 */
final class StartStamps {

	/** The hidden field's name. */
	static final String FIELD = "started";

	private static final String PURPOSE = "big-five test page served at ";

	/** A stamp from a clock a little ahead (another instance) still counts as "now". */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	private static final int MAX_LENGTH = 100;

	private final KeyedHash hash;

	private final Clock clock;

	StartStamps(KeyedHash hash, Clock clock) {
		this.hash = hash;
		this.clock = clock;
	}

	/** A stamp for a page served now. */
	String issue() {
		long now = this.clock.instant().getEpochSecond();
		return now + "." + this.hash.of(PURPOSE + now);
	}

	/** The stamp if it is one of ours, else null (sent back on a form with errors). */
	@Nullable String valid(@Nullable String stamp) {
		return (issuedAt(stamp) != null) ? stamp : null;
	}

	/**
	 * Seconds from the stamp's page to now, or null when the stamp is missing, not ours,
	 * from the future, or older than {@link Assessments#MAX_SECONDS_TAKEN}.
	 */
	@Nullable Integer secondsSince(@Nullable String stamp) {
		Long issued = issuedAt(stamp);
		if (issued == null) {
			return null;
		}
		long now = this.clock.instant().getEpochSecond();
		long seconds = now - issued;
		if (seconds < 0) {
			return (-seconds <= CLOCK_SKEW.toSeconds()) ? 0 : null;
		}
		return (seconds <= Assessments.MAX_SECONDS_TAKEN) ? (int) seconds : null;
	}

	private @Nullable Long issuedAt(@Nullable String stamp) {
		if (stamp == null || stamp.length() > MAX_LENGTH) {
			return null;
		}
		int dot = stamp.indexOf('.');
		if (dot < 1 || dot > 19) {
			return null;
		}
		long issued;
		try {
			issued = Long.parseLong(stamp.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (issued < 0) {
			return null;
		}
		byte[] expected = this.hash.of(PURPOSE + issued).getBytes(StandardCharsets.US_ASCII);
		byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? issued : null;
	}

}
