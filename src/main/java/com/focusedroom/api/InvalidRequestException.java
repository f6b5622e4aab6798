package com.focusedroom.api;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed JSON request whose fields are wrong; answered with 422 and every bad
 * field named in the problem's {@code errors}.
 */
class InvalidRequestException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldProblem> problems;

	InvalidRequestException(List<FieldProblem> problems) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(problems), null);
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

	private static ProblemDetail problem(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				problems.stream()
					.map(FieldProblem::field)
					.collect(Collectors.joining(", ", "Invalid field(s): ", ".")));
		problem.setProperty("errors", List.copyOf(problems));
		return problem;
	}

}
