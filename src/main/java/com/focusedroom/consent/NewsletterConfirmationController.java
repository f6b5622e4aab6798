package com.focusedroom.consent;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link of the newsletter confirmation mail (double opt-in). Opening it only shows a
 * page with one button: mail scanners and link previews fetch links with GET and must not
 * subscribe anyone. The button's POST confirms the request once; the token in the address
 * is what authorises it (only the person who got the mail has it; the form also carries
 * the site's CSRF token like every form). A second click says it is done; an expired or
 * altered link changes nothing and says so.
 */
@Controller
class NewsletterConfirmationController {

	private static final String PAGE = "consent/confirm";

	private final Consents consents;

	NewsletterConfirmationController(Consents consents) {
		this.consents = consents;
	}

	@GetMapping(Consents.CONFIRM_PATH + "{token}")
	ModelAndView show(@PathVariable String token) {
		return page(token, this.consents.confirmation(token));
	}

	@PostMapping(Consents.CONFIRM_PATH + "{token}")
	ModelAndView confirm(@PathVariable String token) {
		return page(token, this.consents.confirm(token));
	}

	private static ModelAndView page(String token, Consents.Confirmation state) {
		HttpStatus status = switch (state) {
			case PENDING, NOW, ALREADY -> HttpStatus.OK;
			case EXPIRED -> HttpStatus.GONE;
			case TOO_YOUNG -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UNKNOWN -> HttpStatus.NOT_FOUND;
		};
		ModelAndView page = new ModelAndView(PAGE, status);
		page.addObject("token", token);
		page.addObject("state", state.name());
		return page;
	}

}
