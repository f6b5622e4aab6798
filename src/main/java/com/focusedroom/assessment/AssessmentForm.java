package com.focusedroom.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
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
public class AssessmentForm {

	@Size(max = 100, message = "Keep the name to 100 characters or fewer.")
	private String name;

	@Min(value = 13, message = "You need to be at least 13 to take the test.")
	@Max(value = 120, message = "Enter an age between 13 and 120.")
	private Integer age;

	@Size(max = 100, message = "Keep the career to 100 characters or fewer.")
	private String career;

	private CareerStage careerStage;

	private PrimaryGoal primaryGoal;

	@NotBlank(message = "Enter your email address: it is how we keep your reports together.")
	@Size(max = 254, message = "An email address has at most 254 characters.")
	@ValidEmail
	private String email;

	private boolean optIn;

	@Size(min = 120, max = 120, message = "The test has exactly 120 statements.")
	private List<@NotNull(message = "Choose an answer for this statement.") @Min(value = 1,
			message = "Choose one of the five answers.") @Max(value = 5,
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
