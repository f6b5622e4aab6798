package com.focusedroom.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.customer.ValidEmail;
import com.focusedroom.scoring.Inventory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The test form as the visitor filled it in. Answers start as 120 empty places so that
 * each unanswered statement gets its own message.
 */
class AssessmentForm {

	@Size(max = Demographics.MAX_TEXT_LENGTH,
			message = "Keep the name to " + Demographics.MAX_TEXT_LENGTH + " characters or fewer.")
	private @Nullable String name;

	@Min(value = Demographics.MIN_AGE,
			message = "You need to be at least " + Demographics.MIN_AGE + " to take the test.")
	@Max(value = Demographics.MAX_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	private @Nullable Integer age;

	@Size(max = Demographics.MAX_TEXT_LENGTH,
			message = "Keep the career to " + Demographics.MAX_TEXT_LENGTH + " characters or fewer.")
	private @Nullable String career;

	private @Nullable CareerStage careerStage;

	private @Nullable PrimaryGoal primaryGoal;

	@NotBlank(message = "Enter your email address: it is how we keep your reports together.")
	@Size(max = EmailAddress.MAX_LENGTH, message = EmailAddress.TOO_LONG_MESSAGE)
	@ValidEmail
	private @Nullable String email;

	private boolean optIn;

	@Size(min = 120, max = 120, message = "The test has exactly 120 statements.")
	private List<@NotNull(message = "Choose an answer for this statement.") @Min(value = Inventory.MIN_ANSWER,
			message = "Choose one of the five answers.") @Max(value = Inventory.MAX_ANSWER,
					message = "Choose one of the five answers.") Integer> answers = new ArrayList<>(
							Collections.nCopies(Inventory.ipipNeo120().size(), null));

	Demographics demographics() {
		return new Demographics(this.name, this.age, this.career, this.careerStage, this.primaryGoal);
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

	public @Nullable String getCareer() {
		return this.career;
	}

	public void setCareer(@Nullable String career) {
		this.career = career;
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

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public boolean isOptIn() {
		return this.optIn;
	}

	public void setOptIn(boolean optIn) {
		this.optIn = optIn;
	}

	public List<Integer> getAnswers() {
		return this.answers;
	}

	public void setAnswers(List<Integer> answers) {
		this.answers = answers;
	}

}
