package com.focusedroom.customer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The form that corrects a customer's details (GDPR Art. 16): the admin's rectification
 * and the customer's own in "my reports", with the same rules and the same fields
 * ({@code templates/customer/demographics-fields.html}). A blank field clears the stored
 * value. The limits are the product's ({@link Demographics}), and the texts are cleaned
 * as every public form's are.
 */
public class DemographicsForm {

	@Size(max = Demographics.MAX_TEXT_LENGTH, message = "Keep the name to {max} characters or fewer.")
	private @Nullable String name;

	@Min(value = Demographics.MIN_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	@Max(value = Demographics.MAX_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	private @Nullable Integer age;

	@Size(max = Demographics.MAX_TEXT_LENGTH, message = "Keep the profession to {max} characters or fewer.")
	private @Nullable String profession;

	private @Nullable CareerStage careerStage;

	private @Nullable PrimaryGoal primaryGoal;

	/** The form filled with the stored details. */
	public static DemographicsForm of(Demographics stored) {
		DemographicsForm form = new DemographicsForm();
		form.name = stored.name();
		form.age = stored.age();
		form.profession = stored.profession();
		form.careerStage = stored.careerStage();
		form.primaryGoal = stored.primaryGoal();
		return form;
	}

	/** The details as the form gives them. */
	public Demographics demographics() {
		return new Demographics(this.name, this.age, this.profession, this.careerStage, this.primaryGoal);
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Integer getAge() {
		return this.age;
	}

	public void setAge(@Nullable Integer age) {
		this.age = age;
	}

	public @Nullable String getProfession() {
		return this.profession;
	}

	public void setProfession(@Nullable String profession) {
		this.profession = profession;
	}

	public @Nullable CareerStage getCareerStage() {
		return this.careerStage;
	}

	public void setCareerStage(@Nullable CareerStage careerStage) {
		this.careerStage = careerStage;
	}

	public @Nullable PrimaryGoal getPrimaryGoal() {
		return this.primaryGoal;
	}

	public void setPrimaryGoal(@Nullable PrimaryGoal primaryGoal) {
		this.primaryGoal = primaryGoal;
	}

}
