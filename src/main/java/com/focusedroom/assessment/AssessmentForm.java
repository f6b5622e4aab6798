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

/**
 * The test form as the visitor filled it in. Answers start as 120 empty places so that
 * each unanswered statement gets its own message.
 */
class AssessmentForm {

	@Size(max = Demographics.MAX_TEXT_LENGTH,
			message = "Keep the name to " + Demographics.MAX_TEXT_LENGTH + " characters or fewer.")
	private String name;

	@Min(value = Demographics.MIN_AGE,
			message = "You need to be at least " + Demographics.MIN_AGE + " to take the test.")
	@Max(value = Demographics.MAX_AGE, message = Demographics.AGE_RANGE_MESSAGE)
	private Integer age;

	@Size(max = Demographics.MAX_TEXT_LENGTH,
			message = "Keep the career to " + Demographics.MAX_TEXT_LENGTH + " characters or fewer.")
	private String career;

	private CareerStage careerStage;

	private PrimaryGoal primaryGoal;

	@NotBlank(message = "Enter your email address: it is how we keep your reports together.")
	@Size(max = EmailAddress.MAX_LENGTH, message = EmailAddress.TOO_LONG_MESSAGE)
	@ValidEmail
	private String email;

	private boolean optIn;

	@Size(min = 120, max = 120, message = "The test has exactly 120 statements.")
	private List<@NotNull(message = "Choose an answer for this statement.") @Min(value = Inventory.MIN_ANSWER,
			message = "Choose one of the five answers.") @Max(value = Inventory.MAX_ANSWER,
					message = "Choose one of the five answers.") Integer> answers = new ArrayList<>(
							Collections.nCopies(Inventory.ipipNeo120().size(), null));

	Demographics demographics() {
		return new Demographics(this.name, this.age, this.career, this.careerStage, this.primaryGoal);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getAge() {
		return this.age;
	}

	public void setAge(Integer age) {
		this.age = age;
	}

	public String getCareer() {
		return this.career;
	}

	public void setCareer(String career) {
		this.career = career;
	}

	public CareerStage getCareerStage() {
		return this.careerStage;
	}

	public void setCareerStage(CareerStage careerStage) {
		this.careerStage = careerStage;
	}

	public PrimaryGoal getPrimaryGoal() {
		return this.primaryGoal;
	}

	public void setPrimaryGoal(PrimaryGoal primaryGoal) {
		this.primaryGoal = primaryGoal;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
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
