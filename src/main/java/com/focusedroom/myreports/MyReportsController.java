package com.focusedroom.myreports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusedroom.audit.Actor;
import com.focusedroom.consent.ConsentRefusedException;
import com.focusedroom.consent.Consents;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Customers;
import com.focusedroom.customer.DemographicsForm;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.customer.SignedInCustomer;
import com.focusedroom.gdpr.CustomerDataExport;
import com.focusedroom.gdpr.Erasures;
import com.focusedroom.report.Reports;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "My reports" without passwords: a visitor asks for a sign-in link by mail; opening it
 * shows a button whose POST uses the link once and starts a session for that customer
 * ({@link SignedInCustomer}, apart from the admins' login). Signed in, the customer sees
 * every report, compares any two, corrects their details, subscribes or unsubscribes,
 * downloads their data and erases everything. The request answers the same for every
 * well-formed address, known or not.
 */
@Controller
class MyReportsController {

	private static final String FORM = "myreports/request";

	private static final String HOME = "/my-reports";

	private final SignInLinks links;

	private final Customers customers;

	private final Reports reports;

	private final Consents consents;

	private final CustomerDataExport export;

	private final Erasures erasures;

	private final OwnReports ownReports;

	MyReportsController(SignInLinks links, Customers customers, Reports reports, Consents consents,
			CustomerDataExport export, Erasures erasures, OwnReports ownReports) {
		this.links = links;
		this.customers = customers;
		this.reports = reports;
		this.consents = consents;
		this.export = export;
		this.erasures = erasures;
		this.ownReports = ownReports;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("careerStages", CareerStage.values());
		model.addAttribute("primaryGoals", PrimaryGoal.values());
	}

	@GetMapping(HOME)
	ModelAndView home(HttpServletRequest request, Model model) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			model.addAttribute("signInRequestForm", new SignInRequestForm());
			return requestForm(HttpStatus.OK);
		}
		return signedIn(account.get(), null, HttpStatus.OK, model);
	}

	@PostMapping(HOME)
	ModelAndView requestLink(@Valid SignInRequestForm form, BindingResult result, Locale locale,
			HttpServletRequest request) {
		if (result.hasErrors()) {
			return requestForm(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		EmailAddress email = EmailAddress.of(form.getEmail());
		this.links.send(email, locale, request.getRemoteAddr());
		// The address as typed (normalised) is shown back, so a typo can be seen; the
		// page
		// is the same whether or not it is a customer's.
		ModelAndView page = new ModelAndView("myreports/sent");
		page.addObject("email", email.value());
		page.addObject("minutes", SignInLinks.VALID_FOR.toMinutes());
		return page;
	}

	@GetMapping(SignInLinks.PATH + "{token}")
	ModelAndView signInPage(@PathVariable String token, HttpServletRequest request) {
		SignInLinks.LinkState state = this.links.state(token);
		if (state != SignInLinks.LinkState.USABLE) {
			return invalidLink(state, request);
		}
		ModelAndView page = new ModelAndView("myreports/sign-in");
		page.addObject("token", token);
		page.addObject("signedIn", SignedInCustomer.of(request).isPresent());
		// Signing in starts a new session, which ends an admin's login in this browser.
		page.addObject("admin", request.isUserInRole("ADMIN"));
		return page;
	}

	@PostMapping(SignInLinks.PATH + "{token}")
	ModelAndView signIn(@PathVariable String token, HttpServletRequest request) {
		Optional<Optional<Long>> used = this.links.use(token);
		if (used.isEmpty()) {
			return invalidLink(this.links.state(token), request);
		}
		if (used.get().isEmpty()) {
			SignedInCustomer.signOut(request);
			return new ModelAndView("myreports/no-reports");
		}
		new SignedInCustomer(used.get().get()).signIn(request);
		return redirect(HOME);
	}

	@PostMapping(HOME + "/sign-out")
	ModelAndView signOut(HttpServletRequest request) {
		SignedInCustomer.signOut(request);
		return redirect(HOME);
	}

	@PostMapping(HOME + "/details")
	ModelAndView correct(@Valid @ModelAttribute("detailsForm") DemographicsForm form, BindingResult result,
			HttpServletRequest request, Model model) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			return redirect(HOME);
		}
		if (result.hasErrors()) {
			return signedIn(account.get(), form, HttpStatus.UNPROCESSABLE_CONTENT, model);
		}
		this.customers.rectify(account.get().customerId(), form.demographics(), Actor.customer());
		return redirect(HOME + "?saved#details");
	}

	@PostMapping(HOME + "/newsletter")
	ModelAndView newsletter(@RequestParam boolean subscribe, HttpServletRequest request, Model model) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			return redirect(HOME);
		}
		try {
			this.consents.changeSignedIn(account.get().customerId(), subscribe);
		}
		catch (ConsentRefusedException ex) {
			model.addAttribute("newsletterProblem", ex.getMessage());
			return signedIn(account.get(), null, HttpStatus.UNPROCESSABLE_CONTENT, model);
		}
		return redirect(HOME + (subscribe ? "?subscribed" : "?unsubscribed") + "#newsletter");
	}

	@PostMapping(HOME + "/reports/{reportId}/claim")
	ModelAndView claim(@PathVariable int reportId, HttpServletRequest request) {
		account(request).ifPresent((account) -> this.ownReports.claim(account.customerId(), reportId));
		return redirect(HOME);
	}

	@PostMapping(HOME + "/reports/{reportId}/disown")
	ModelAndView disown(@PathVariable int reportId, HttpServletRequest request) {
		account(request).ifPresent((account) -> this.ownReports.disown(account.customerId(), reportId));
		return redirect(HOME);
	}

	/** The change between two of the customer's reports: the later one's page. */
	@GetMapping(HOME + "/compare")
	ModelAndView compare(@RequestParam int from, @RequestParam int to, HttpServletRequest request) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			return redirect(HOME);
		}
		int earlier = Math.min(from, to);
		int later = Math.max(from, to);
		return this.reports.ofCustomer(account.get().customerId())
			.stream()
			.filter((report) -> report.reportId() == later && earlier < later)
			.findFirst()
			.map((report) -> redirect(report.url() + "?since=" + earlier))
			.orElseGet(() -> redirect(HOME));
	}

	/** The customer's data, as the admin's GDPR export gives it (Art. 15 and 20). */
	@GetMapping(HOME + "/data.json")
	ResponseEntity<byte[]> data(HttpServletRequest request) {
		Optional<String> document = account(request)
			.flatMap((account) -> this.export.export(account.customerId(), Actor.customer()));
		if (document.isEmpty()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, HOME).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("focusedroom-my-data.json").build().toString())
			.body(document.get().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(HOME + "/erase")
	ModelAndView eraseConfirmation(HttpServletRequest request) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			return redirect(HOME);
		}
		ModelAndView page = new ModelAndView("myreports/erase");
		page.addObject("available", this.erasures.available());
		page.addObject("email", account.get().email());
		return page;
	}

	/** Erases everything (Art. 17): the admin's erasure, audited as the customer's. */
	@PostMapping(HOME + "/erase")
	ModelAndView erase(@RequestParam(name = "confirm", required = false) @Nullable String confirm,
			HttpServletRequest request) {
		Optional<Customers.Account> account = account(request);
		if (account.isEmpty()) {
			return redirect(HOME);
		}
		if (!"erase".equals(confirm) || !this.erasures.available()) {
			ModelAndView page = new ModelAndView("myreports/erase", HttpStatus.UNPROCESSABLE_CONTENT);
			page.addObject("available", this.erasures.available());
			page.addObject("email", account.get().email());
			page.addObject("unconfirmed", true);
			return page;
		}
		this.erasures.erase(account.get().customerId(), Actor.customer());
		SignedInCustomer.signOut(request);
		return new ModelAndView("myreports/erased");
	}

	private ModelAndView signedIn(Customers.Account account, @Nullable DemographicsForm form, HttpStatus status,
			Model model) {
		List<Reports.Listed> all = this.reports.ofCustomer(account.customerId());
		model.addAttribute("account", account);
		model.addAttribute("history", all.stream().filter((report) -> !report.unconfirmed()).toList());
		model.addAttribute("unconfirmed",
				all.stream().filter((report) -> report.unconfirmed() && !report.disowned()).toList());
		if (form == null) {
			model.addAttribute("detailsForm",
					this.customers.demographics(account.customerId())
						.map(DemographicsForm::of)
						.orElseGet(DemographicsForm::new));
		}
		return new ModelAndView("myreports/home", status);
	}

	/** The signed-in customer, if the session has one who still exists. */
	private Optional<Customers.Account> account(HttpServletRequest request) {
		Optional<SignedInCustomer> signedIn = SignedInCustomer.of(request);
		if (signedIn.isEmpty()) {
			return Optional.empty();
		}
		Optional<Customers.Account> account = this.customers.account(signedIn.get().customerId());
		if (account.isEmpty()) {
			SignedInCustomer.signOut(request);
		}
		return account;
	}

	private static ModelAndView requestForm(HttpStatus status) {
		ModelAndView page = new ModelAndView(FORM, status);
		page.addObject("minutes", SignInLinks.VALID_FOR.toMinutes());
		return page;
	}

	/**
	 * Why a sign-in link did not work (used, expired or unknown), with the way to a new
	 * one, or back to "my reports" when this browser is signed in already.
	 */
	private static ModelAndView invalidLink(SignInLinks.LinkState state, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("myreports/invalid-link", HttpStatus.NOT_FOUND);
		page.addObject("state", state.name());
		page.addObject("minutes", SignInLinks.VALID_FOR.toMinutes());
		page.addObject("signedIn", SignedInCustomer.of(request).isPresent());
		return page;
	}

	private static ModelAndView redirect(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

}
