package com.focusedroom.consent;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of every newsletter email, no login needed. Opening the link only
 * shows a page with one button: mail scanners and link previews fetch links with GET, and
 * must not unsubscribe anyone. The button's POST withdraws the consent once; after that
 * the link says it is done. Mail programs' one-click unsubscribe (RFC 8058) posts to
 * {@code /api/v1/unsubscribe/{token}} instead, which needs no form token.
 */
@Controller
class UnsubscribeController {

	private static final String PAGE = "consent/unsubscribe";

	private final Consents consents;

	UnsubscribeController(Consents consents) {
		this.consents = consents;
	}

	@GetMapping("/unsubscribe/{token}")
	ModelAndView confirm(@PathVariable String token) {
		return this.consents.subscribed(token)
			.map((subscribed) -> page(token, subscribed ? "confirm" : "already", HttpStatus.OK))
			.orElseGet(() -> page(token, "unknown", HttpStatus.NOT_FOUND));
	}

	@PostMapping("/unsubscribe/{token}")
	ModelAndView unsubscribe(@PathVariable String token) {
		return switch (this.consents.unsubscribe(token)) {
			case NOW -> page(token, "done", HttpStatus.OK);
			case ALREADY -> page(token, "already", HttpStatus.OK);
			case UNKNOWN_LINK -> page(token, "unknown", HttpStatus.NOT_FOUND);
		};
	}

	private static ModelAndView page(String token, String state, HttpStatus status) {
		ModelAndView page = new ModelAndView(PAGE, status);
		page.addObject("token", token);
		page.addObject("state", state);
		return page;
	}

}
