package com.focusedroom.api;

import java.util.List;

/**
 * A well-formed JSON request whose fields are wrong; answered with 422 and every bad
 * field named.
 */
class InvalidRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldProblem> problems;

	InvalidRequestException(List<FieldProblem> problems) {
		super(problems.size() + " invalid field(s)");
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
