package com.focusedroom.report;

import java.util.List;

import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;

/**
 * What a stored result's careless-answering checks found ({@link Validity}), with how the
 * test was answered.
 *
 * @param status whether and how the checks were made
 * @param validity the checks, or null when {@link Status#NOT_CHECKED}
 * @param language the language of the statements the test was answered in ({@code en},
 * {@code fr}, {@code pt-br} ...), or null when not recorded (results stored before the
 * language was, see docs/decisions/0010)
 * @param secondsTaken how long answering took, or null when not known
 */
public record StoredValidity(Status status, @Nullable Validity validity, @Nullable String language,
		@Nullable Integer secondsTaken) {

	/**
	 * Whether the report should say plainly that the answers look careless or invalid.
	 */
	public boolean likelyInvalid() {
		return this.validity != null && this.validity.likelyInvalid();
	}

	/**
	 * The findings of the flagged checks in plain words; empty when none or not checked.
	 */
	public List<String> reasons() {
		return (this.validity != null) ? this.validity.reasons() : List.of();
	}

	/** Whether the checks include the time taken. */
	public boolean timed() {
		return this.validity != null && this.validity.check(Validity.Kind.SPEED).isPresent();
	}

	/** How the checks of a result came about. */
	public enum Status {

		/** Stored with the result (at submission, or later from its stored answers). */
		STORED,

		/**
		 * Not stored yet (a result from before the checks were, not yet reached by the
		 * backfill): computed now from its stored answers, without the time.
		 */
		COMPUTED_NOW,

		/** No answers stored (a legacy result): nothing to check. */
		NOT_CHECKED

	}

}
