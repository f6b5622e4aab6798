package com.focusedroom.system;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns errors that no form can show at a field into a clear answer rather than a 500: a
 * forged form field such as {@code answers[5000]} is a 400; a database that is away
 * (restarting, failing over) is a 503 with {@code Retry-After}, as an HTML page or, for
 * the JSON API, a problem detail. Nothing was stored, and the visitor can simply retry.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ErrorPages {

	/** Seconds a client should wait before retrying while the database is away. */
	static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView badRequest() {
		return page(HttpStatus.BAD_REQUEST);
	}

	// TransactionSystemException: the connection broke mid-transaction, so even the
	// rollback failed; the server rolls the transaction back when the connection drops.
	@ExceptionHandler({ CannotCreateTransactionException.class, TransactionSystemException.class,
			DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	Object databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The database is briefly unavailable. Nothing was stored; please retry.");
			problem.setTitle("Service Unavailable");
			problem.setType(URI.create("about:blank"));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return page(HttpStatus.SERVICE_UNAVAILABLE);
	}

	/**
	 * Requests no handler serves (unknown page, wrong method, wrong content type): a page
	 * for people, a problem detail for the API. Without this, Spring's problem details
	 * would answer browsers with JSON.
	 */
	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class })
	Object notServed(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		ErrorResponse error = (ErrorResponse) ex;
		if (isApi(request)) {
			return ResponseEntity.status(error.getStatusCode())
				.headers(error.getHeaders())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(error.getBody());
		}
		error.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		return page(HttpStatus.valueOf(error.getStatusCode().value()));
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ModelAndView page(HttpStatus status) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		return page;
	}

}
