package com.focusedroom.api;

import java.util.List;
import java.util.stream.Collectors;

import com.focusedroom.consent.ConsentRefusedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the API's handlers as an RFC 9457 problem
 * ({@code application/problem+json}): malformed JSON 400, bad fields 422 with each one
 * named in {@code errors}, a body over the limit 413, and a plain 500 problem for a fault
 * of ours, never a stack trace. Errors raised before a handler is chosen (an unknown path
 * 404, a wrong method 405, a wrong content type 415) are problems too, from Spring Boot's
 * handler ({@code spring.mvc.problemdetails.enabled}); the request size limit answers 413
 * itself ({@link RequestBodyLimit}).
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiProblems {

	private static final Log logger = LogFactory.getLog(ApiProblems.class);

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidFields(InvalidRequestException ex, HttpServletRequest request) {
		return invalid(ex.problems(), request);
	}

	@ExceptionHandler(ConsentRefusedException.class)
	ResponseEntity<ProblemDetail> consentRefused(ConsentRefusedException ex, HttpServletRequest request) {
		return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())), request);
	}

	@ExceptionHandler(BigFiveApiController.UnknownUnsubscribeLinkException.class)
	ResponseEntity<ProblemDetail> unknownUnsubscribeLink(HttpServletRequest request) {
		return problem(HttpStatus.NOT_FOUND, "No customer has this unsubscribe link.", request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimit.TooLargeException tooLarge) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), request);
			}
		}
		String detail = (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing"))
				? "The request body is missing: send the test as a JSON object."
				: "The request body is not valid JSON.";
		return problem(HttpStatus.BAD_REQUEST, detail, request);
	}

	/**
	 * Spring MVC's own request errors carry their status and a problem already.
	 */
	@ExceptionHandler({ ServletException.class, ErrorResponseException.class })
	ResponseEntity<ProblemDetail> mvcError(Exception ex, HttpServletRequest request) {
		if (!(ex instanceof ErrorResponse error)) {
			return unexpected(ex, request);
		}
		ProblemDetail problem = error.getBody();
		problem.setInstance(null);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(error.getHeaders());
		return respond(error.getStatusCode(), problem, headers, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected error answering an API request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was stored.",
				request);
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				problems.stream()
					.map(FieldProblem::field)
					.collect(Collectors.joining(", ", "Invalid field(s): ", ".")));
		problem.setProperty("errors", problems);
		return respond(HttpStatus.UNPROCESSABLE_CONTENT, problem, new HttpHeaders(), request);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
		return respond(status, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), request);
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem,
			HttpHeaders headers, HttpServletRequest request) {
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
