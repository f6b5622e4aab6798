package com.focusedroom.assessment;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.ConsentRefusedException;
import com.focusedroom.consent.ConsentText;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.customer.SignedInCustomer;
import com.focusedroom.limits.RequestingClient;
import com.focusedroom.scoring.Inventory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static java.util.stream.Collectors.toSet;

@Controller
class AssessmentController {

	private static final String FORM = "assessment/form";

	private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[\\d{1,3}]");

	private final Assessments assessments;

	private final Consents consents;

	private final ItemList itemList;

	private final ItemLanguages languages = ItemLanguages.standard();

	private final BlankTestPages blankPages;

	private final StartStamps startStamps;

	AssessmentController(Assessments assessments, Consents consents, ITemplateEngine templates, MessageSource messages,
			ObjectProvider<ThymeleafViewResolver> views, StartStamps startStamps) {
		this.assessments = assessments;
		this.consents = consents;
		this.startStamps = startStamps;
		this.itemList = new ItemList(templates, messages);
		// Looked up at first use: the verify command starts these beans without a web
		// layer.
		this.blankPages = new BlankTestPages(views::getObject, FORM);
	}

	/**
	 * The choices every rendering of the form needs, and the language of its statements:
	 * {@code ?lang=} (a link or the switcher, also sent back with the answers) or else
	 * the browser's preferred languages.
	 */
	@ModelAttribute
	void formChoices(Model model, Attribution attribution, @RequestParam(name = "lang", required = false) String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
			HttpServletResponse response) {
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		model.addAttribute("items", Inventory.ipipNeo120().items());
		ItemLanguages.Language language = this.languages.choose(lang, acceptLanguage);
		model.addAttribute("language", language);
		model.addAttribute("languageChoice", this.itemList.languageChoice(language, this.languages.offered()));
		model.addAttribute("careerStages", CareerStage.values());
		model.addAttribute("primaryGoals", PrimaryGoal.values());
		model.addAttribute("newsletterConsent", this.consents.currentNewsletterText());
		model.addAttribute("consentAgeRule", this.consents.ageRule());
		model.addAttribute("attribution", attribution);
	}

	/**
	 * A forged answer field whose position is not a small number ({@code answers[-1]},
	 * {@code answers[2147483648]}, {@code answers[0][0]}) would fail inside the binding
	 * as a server error; it is a 400, as positions past the end are (see
	 * {@code ErrorAnswers}).
	 */
	@InitBinder("assessmentForm")
	void answersByPositionOnly(WebDataBinder binder, WebRequest request) {
		for (String field : request.getParameterMap().keySet()) {
			if (field.startsWith("answers[") && !ANSWER_FIELD.matcher(field).matches()) {
				throw new InvalidPropertyException(AssessmentForm.class, "answers", "No such statement");
			}
		}
	}

	@GetMapping("/big-five")
	ModelAndView form(Model model, Attribution attribution) {
		model.addAttribute("assessmentForm", new AssessmentForm());
		model.addAttribute(StartStamps.FIELD, this.startStamps.issue());
		model.addAttribute("itemList", this.itemList.unanswered(language(model)));
		model.addAttribute("invalid", Set.of());
		if (!attribution.isEmpty()) {
			// Campaign data goes into hidden fields: this visitor's page is their own.
			return new ModelAndView(FORM);
		}
		ConsentText consent = (ConsentText) model.getAttribute("newsletterConsent");
		return new ModelAndView(this.blankPages.view(language(model).code(), consent.version()));
	}

	@PostMapping("/big-five")
	ModelAndView submit(@Valid AssessmentForm form, BindingResult result,
			@RequestParam(name = "consentVersion", required = false) String consentVersion,
			@RequestParam(name = StartStamps.FIELD, required = false) String started, Attribution attribution,
			Model model, Locale locale, HttpServletRequest request) {
		// The form comes back with its stamp if it is ours, else with none: a fresh one
		// would count only the time spent fixing the fields, too short to be fair.
		String stamp = this.startStamps.valid(started);
		model.addAttribute(StartStamps.FIELD, (stamp != null) ? stamp : "");
		if (!result.hasFieldErrors("age")) {
			this.consents.ageProblem(form.isOptIn(), form.getAge())
				.ifPresent((problem) -> result.rejectValue("optIn", "consent.age", problem));
		}
		if (result.hasErrors()) {
			return formAgain(form, result, model, locale);
		}
		Assessments.Submitted submitted;
		try {
			submitted = this.assessments.submit(EmailAddress.of(form.getEmail()), form.demographics(),
					new NewsletterChoice(form.isOptIn(), consentVersion), form.getAnswers(), Channel.BIG_FIVE_TEST,
					attribution,
					new Assessments.Origin(SignedInCustomer.idOf(request), locale, RequestingClient.current()),
					language(model).code(), this.startStamps.secondsSince(stamp));
		}
		catch (ConsentRefusedException ex) {
			result.rejectValue("optIn", "consent.refused", ex.getMessage());
			return formAgain(form, result, model, locale);
		}
		RedirectView redirect = new RedirectView(submitted.reportUrl(), true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	/** The form again with the visitor's input, a message at each field to fix. */
	private ModelAndView formAgain(AssessmentForm form, BindingResult result, Model model, Locale locale) {
		model.addAttribute("itemList", this.itemList.answered(language(model), form.getAnswers(), result, locale));
		// The fields to mark, looked up once: asking the binding result per field in the
		// template cost a sixth of the page's rendering.
		model.addAttribute("invalid", result.getFieldErrors().stream().map(FieldError::getField).collect(toSet()));
		return new ModelAndView(FORM, HttpStatus.UNPROCESSABLE_CONTENT);
	}

	private static ItemLanguages.Language language(Model model) {
		return (ItemLanguages.Language) model.getAttribute("language");
	}

}
