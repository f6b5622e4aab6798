package com.focusedroom.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.focusedroom.shared.TypedText;
import org.jspecify.annotations.Nullable;

/**
 * What a person tells us about themselves with a test. Every part is optional:
 * {@code null} means "not given", and a field not given never erases what a customer
 * record holds. Texts are cleaned the product's one way ({@link TypedText}).
 * <p>
 * The limits are the product's one definition of them: every form, the API and the
 * admin's rectification use these constants, and the database columns are as wide.
 *
 * @param name the name to address them by
 * @param age age in years
 * @param profession their career, in their own words (stored as {@code profession})
 * @param careerStage where they are in their working life
 * @param primaryGoal what they want most (stored as {@code purpose})
 */
public record Demographics(@Nullable String name, @Nullable Integer age, @Nullable String profession,
		@Nullable CareerStage careerStage, @Nullable PrimaryGoal primaryGoal) {

	/** Youngest age the test is for. */
	public static final int MIN_AGE = 13;

	/** Oldest age accepted. */
	public static final int MAX_AGE = 120;

	/** Longest name, and longest career or profession, in characters. */
	public static final int MAX_TEXT_LENGTH = 100;

	/** What a form says of an age out of range. */
	public static final String AGE_RANGE_MESSAGE = "Enter an age between " + MIN_AGE + " and " + MAX_AGE + ".";

	public Demographics {
		name = TypedText.cleaned(name);
		profession = TypedText.cleaned(profession);
	}

	public static Demographics none() {
		return new Demographics(null, null, null, null, null);
	}

	/** Only a name, as the eBook form asks. */
	public static Demographics named(@Nullable String name) {
		return new Demographics(name, null, null, null, null);
	}

	/** The names of the fields whose values differ, as the audit log records them. */
	List<String> differences(Demographics other) {
		List<String> changed = new ArrayList<>();
		compare(changed, "name", this.name, other.name);
		compare(changed, "age", this.age, other.age);
		compare(changed, "profession", this.profession, other.profession);
		compare(changed, "career stage", this.careerStage, other.careerStage);
		compare(changed, "primary goal", this.primaryGoal, other.primaryGoal);
		return changed;
	}

	private static void compare(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

}
