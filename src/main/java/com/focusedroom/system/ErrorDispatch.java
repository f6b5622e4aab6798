package com.focusedroom.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error dispatch ({@code /error}), in place of Spring Boot's: answers requests that
 * end in an error outside our handlers ({@code sendError} by Spring Security, such as a
 * missing CSRF token or a request its firewall rejects; an exception no handler answered;
 * a request the server could not parse) through {@link ErrorAnswers}, as a page or a
 * problem like every other error. Opened directly, {@code /error} is a page like any
 * other that does not exist: 404. Only in the web application: the {@code verify} command
 * has no web server.
 */
@Controller
@ConditionalOnWebApplication(type = Type.SERVLET)
class ErrorDispatch implements ErrorController {

	private final ErrorAnswers answers;

	ErrorDispatch(ErrorAnswers answers) {
		this.answers = answers;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			this.answers.write(HttpStatus.NOT_FOUND, request, response);
			return;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) {
			ErrorResponse answer = this.answers.answerFor(ex);
			if (answer != null) {
				this.answers.write(answer, request, response);
				return;
			}
		}
		this.answers.write(status(request), request, response);
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
				&& code <= 599) {
			return HttpStatusCode.valueOf(code);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
