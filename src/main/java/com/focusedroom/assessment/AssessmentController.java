package com.focusedroom.assessment;

import com.focusedroom.channel.Channel;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Inventory;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class AssessmentController {

	private static final String FORM = "assessment/form";

	private final Assessments assessments;

	AssessmentController(Assessments assessments) {
		this.assessments = assessments;
	}

	@ModelAttribute
	void formChoices(Model model) {
		model.addAttribute("items", Inventory.ipipNeo120().items());
		model.addAttribute("careerStages", CareerStage.values());
		model.addAttribute("primaryGoals", PrimaryGoal.values());
	}

	@GetMapping("/big-five")
	String form(Model model) {
		model.addAttribute("assessmentForm", new AssessmentForm());
		return FORM;
	}

	@PostMapping("/big-five")
	ModelAndView submit(@Valid AssessmentForm form, BindingResult result) {
		if (result.hasErrors()) {
			return new ModelAndView(FORM, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Assessments.Submitted submitted = this.assessments.submit(EmailAddress.of(form.getEmail()), form.demographics(),
				form.isOptIn(), form.getAnswers(), Channel.BIG_FIVE_TEST);
		RedirectView redirect = new RedirectView(submitted.reportUrl(), true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

}
