package com.focusedroom.customer;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where a person is in their working life; the codes are stored in
 * {@code customer.career_stage} and checked by the database.
 */
public enum CareerStage {

	STUDENT("student", "Student or in training"), EARLY_CAREER("early_career", "Early career (0-5 years)"),
	MID_CAREER("mid_career", "Mid career"), SENIOR("senior", "Senior or leading others"),
	CAREER_CHANGE("career_change", "Changing career"), RETURNING("returning", "Returning to work or between jobs");

	private final String code;

	private final String label;

	CareerStage(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** The stored code of a choice, or {@code null} when none was made. */
	public static @Nullable String codeOf(@Nullable CareerStage stage) {
		return (stage != null) ? stage.code : null;
	}

	public static Optional<CareerStage> ofCode(@Nullable String code) {
		return Arrays.stream(values()).filter((stage) -> stage.code.equals(code)).findFirst();
	}

}
