package com.focusedroom.system;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns request errors that no form can show at a field into a clear error page rather
 * than a 500: for example a forged form field such as {@code answers[5000]}.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ErrorPages {

	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView badRequest() {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		return page;
	}

}
