package com.focusedroom.api;

/**
 * One bad field of a request, named by its JSON path such as {@code age} or
 * {@code answers[3]}.
 *
 * @param field the field
 * @param message what is wrong, in words an app can show
 */
public record FieldProblem(String field, String message) {

}
