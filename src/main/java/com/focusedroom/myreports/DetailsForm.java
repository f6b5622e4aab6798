package com.focusedroom.myreports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.PrimaryGoal;
import org.jspecify.annotations.Nullable;

/**
 * The customer's own form to correct their details (GDPR Art. 16), with the admin's
 * rules: a blank field clears the stored value. The limits are the product's
 * ({@link Demographics}), and the texts are cleaned as every public form's are.
 */
class DetailsForm {

	@Size(max = Demographics.MAX_TEXT_LENGTH, message = "Keep the name to {max} characters or fewer.")
	private @Nullable String name;

	@Min(value = Demographics.MIN_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	@Max(value = Demographics.MAX_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	private @Nullable Integer age;

	@Size(max = Demographics.MAX_TEXT_LENGTH, message = "Keep the profession to {max} characters or fewer.")
	private @Nullable String profession;

	private @Nullable CareerStage careerStage;

	private @Nullable PrimaryGoal primaryGoal;

	static DetailsForm of(Demographics stored) {
		DetailsForm form = new DetailsForm();
		form.name = stored.name();
		form.age = stored.age();
		form.profession = stored.profession();
		form.careerStage = stored.careerStage();
		form.primaryGoal = stored.primaryGoal();
		return form;
	}

	Demographics demographics() {
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
