package com.focusedroom.admin;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every admin page shows: the logged-in admin's name (null on the login page). */
@ControllerAdvice(assignableTypes = { AdminController.class, CustomerAdminController.class })
class AdminPages {

	@ModelAttribute("adminName")
	@Nullable String adminName(@Nullable Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
