package com.focusedroom.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The exception handler of every controller of the app: an exception that means something
 * to the client (see {@link ErrorAnswers#answerFor}) is answered by {@link ErrorAnswers},
 * a page or a problem, rather than a 500. Any other exception, a fault of ours, goes on
 * to the servlet container, which logs it and answers it through the error dispatch
 * ({@link ErrorDispatch}) with a 500, never a stack trace.
 * <p>
 * It brings {@link ErrorAnswers} along, so that web slice tests, which load every
 * {@code @ControllerAdvice}, have it too.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
@Import(ErrorAnswers.class)
class ControllerErrors {

	private final ErrorAnswers answers;

	ControllerErrors(ErrorAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler(Exception.class)
	void answer(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		ErrorResponse answer = this.answers.answerFor(ex);
		if (answer == null || response.isCommitted()) {
			// Not ours to answer: Spring MVC's default handling, then the container.
			throw ex;
		}
		this.answers.write(answer, request, response);
	}

}
