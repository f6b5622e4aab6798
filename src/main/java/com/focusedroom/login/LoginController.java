package com.focusedroom.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin login page; the form posts to Spring Security's login filter. */
@Controller
class LoginController {

	@GetMapping(LoginThrottle.LOGIN_URL)
	String login() {
		return "admin/login";
	}

}
