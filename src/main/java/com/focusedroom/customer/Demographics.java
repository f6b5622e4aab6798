package com.focusedroom.customer;

/**
 * What a person tells us about themselves with a test. Every part is optional:
 * {@code null} means "not given", and a field not given never erases what a customer
 * record holds. Texts are cleaned of control characters (PostgreSQL cannot store NUL in a
 * text, and none of them belongs in a name), as campaign data is.
 *
 * @param name the name to address them by
 * @param age age in years
 * @param profession their career, in their own words (stored as {@code profession})
 * @param careerStage where they are in their working life
 * @param primaryGoal what they want most (stored as {@code purpose})
 */
public record Demographics(String name, Integer age, String profession, CareerStage careerStage,
		PrimaryGoal primaryGoal) {

	public Demographics {
		name = TypedText.cleaned(name);
		profession = TypedText.cleaned(profession);
	}

	public static Demographics none() {
		return new Demographics(null, null, null, null, null);
	}

}
