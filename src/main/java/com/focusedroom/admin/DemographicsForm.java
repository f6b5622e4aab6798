package com.focusedroom.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;

/**
 * The admin's form to rectify a customer's demographics (GDPR Art. 16). A blank field
 * clears the stored value. The limits are those of the public test form.
 */
public class DemographicsForm {

	@Size(max = 100, message = "Keep the name to 100 characters or fewer.")
	private String name;

	@Min(value = 13, message = "Enter an age between 13 and 120.")
	@Max(value = 120, message = "Enter an age between 13 and 120.")
	private Integer age;

	@Size(max = 100, message = "Keep the profession to 100 characters or fewer.")
	private String profession;

	private CareerStage careerStage;

	private PrimaryGoal primaryGoal;

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

	public String getProfession() {
		return this.profession;
	}

	public void setProfession(String profession) {
		this.profession = profession;
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

}
