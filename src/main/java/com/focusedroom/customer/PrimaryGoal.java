package com.focusedroom.customer;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a person most wants from the test; the codes are stored in
 * {@code customer.purpose} and checked by the database.
 */
public enum PrimaryGoal {

	SELF_AWARENESS("self_awareness", "Understand myself better"),
	CAREER_DIRECTION("career_direction", "Find a career direction that fits"),
	FOCUS("focus", "Focus and get more done"), LEADERSHIP("leadership", "Grow as a leader"),
	TEAMWORK("teamwork", "Work better with others"), WELLBEING("wellbeing", "Handle stress and keep balance");

	private final String code;

	private final String label;

	PrimaryGoal(String code, String label) {
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
	public static @Nullable String codeOf(@Nullable PrimaryGoal goal) {
		return (goal != null) ? goal.code : null;
	}

	public static Optional<PrimaryGoal> ofCode(@Nullable String code) {
		return Arrays.stream(values()).filter((goal) -> goal.code.equals(code)).findFirst();
	}

}
