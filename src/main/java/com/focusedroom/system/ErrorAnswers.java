package com.focusedroom.system;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one writer of error answers, for filters, controllers and the error dispatch alike:
 * an RFC 9457 problem ({@code application/problem+json}, written with the app's
 * {@link JsonMapper}) for the JSON API ({@code /api/**}) and for clients that ask for
 * something other than HTML, and otherwise a page: {@code templates/error/<status>.html}
 * where there is one, else {@code templates/error.html}, rendered by the app's Thymeleaf
 * views with the model {@code status}.
 * <p>
 * It writes the response itself, so a filter can answer without an error dispatch (which,
 * for an oversized form, would make the server parse the form after all). What an
 * exception means as an answer ({@link #answerFor}) is decided here too, for the
 * controllers' exception handler and the error dispatch. An exception that knows its
 * answer ({@link ErrorResponse}, such as
 * {@link org.springframework.web.ErrorResponseException} and Spring MVC's own request
 * errors) is answered as it says.
 */
public class ErrorAnswers {

	/** Seconds a client should wait before retrying while the database is away. */
	static final String RETRY_AFTER_SECONDS = "5";

	private final JsonMapper json;

	private final ObjectProvider<ThymeleafViewResolver> views;

	private final ResourceLoader resources;

	private final Map<Integer, String> templates = new ConcurrentHashMap<>();

	ErrorAnswers(JsonMapper json, ObjectProvider<ThymeleafViewResolver> views, ResourceLoader resources) {
		this.json = json;
		this.views = views;
		this.resources = resources;
	}

	/**
	 * Answers with a status and nothing more to say than its reason phrase.
	 * @param status the error status
	 * @param request the request
	 * @param response its response, not yet committed
	 * @throws IOException if the answer cannot be written
	 */
	public void write(HttpStatusCode status, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		write(problem(status), HttpHeaders.EMPTY, request, response);
	}

	/**
	 * Answers as an exception or error response says: its status, headers and problem.
	 * @param error the error
	 * @param request the request
	 * @param response its response, not yet committed
	 * @throws IOException if the answer cannot be written
	 */
	public void write(ErrorResponse error, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ProblemDetail problem = error.getBody();
		problem.setStatus(error.getStatusCode().value());
		write(problem, error.getHeaders(), request, response);
	}

	/**
	 * Answers with a problem's status and the headers given; the problem itself is the
	 * body for clients that get problems, and pages show the status's page.
	 * @param problem the problem, with its status; its {@code instance} is the request's
	 * path unless set
	 * @param headers further headers, such as {@code Retry-After}
	 * @param request the request
	 * @param response its response, not yet committed
	 * @throws IOException if the answer cannot be written
	 */
	public void write(ProblemDetail problem, HttpHeaders headers, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		int status = problem.getStatus();
		response.setStatus(status);
		headers.forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				if (i == 0) {
					response.setHeader(name, values.get(i));
				}
				else {
					response.addHeader(name, values.get(i));
				}
			}
		});
		if (wantsProblem(request)) {
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request));
			}
			byte[] body = this.json.writeValueAsBytes(problem);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
		else {
			page(status, request, response);
		}
	}

	/**
	 * What an exception means as an answer, or {@code null} for one that has no meaning
	 * for a client (a fault of ours).
	 */
	@Nullable ErrorResponse answerFor(Throwable ex) {
		if (ex instanceof ErrorResponse error) {
			return error;
		}
		if (ex instanceof HttpMessageNotReadableException) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof ErrorResponse error) {
					return error;
				}
			}
			return ErrorResponse.create(ex, HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
		}
		// A forged form field such as answers[5000], or a value of the wrong type.
		if (ex instanceof InvalidPropertyException || ex instanceof TypeMismatchException) {
			return ErrorResponse.builder(ex, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST)).build();
		}
		// The database is away (restarting, failing over); nothing was stored, and the
		// client can simply retry. TransactionSystemException: the connection broke
		// mid-transaction, so even the rollback failed; the server rolls the transaction
		// back when the connection drops.
		if (ex instanceof CannotCreateTransactionException || ex instanceof TransactionSystemException
				|| ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessResourceException) {
			return ErrorResponse
				.builder(ex, HttpStatus.SERVICE_UNAVAILABLE,
						"The database is briefly unavailable. Nothing was stored; please retry.")
				.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
				.build();
		}
		if (ex instanceof ServletException && ex.getCause() != null && ex.getCause() != ex) {
			return answerFor(ex.getCause());
		}
		return null;
	}

	static ProblemDetail problem(HttpStatusCode status) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			problem.setDetail("Something went wrong on our side; nothing was stored.");
		}
		return problem;
	}

	/**
	 * A problem for the API, and for clients whose {@code Accept} prefers something that
	 * is not HTML (such as {@code application/json}); a page for everyone else: browsers,
	 * and clients that accept anything or say nothing.
	 */
	private static boolean wantsProblem(HttpServletRequest request) {
		String path = path(request);
		if (path.equals("/api") || path.startsWith("/api/")) {
			return true;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double page = 0;
		double other = 0;
		for (MediaType type : accepted) {
			if (type.includes(MediaType.TEXT_HTML) || type.includes(MediaType.APPLICATION_XHTML_XML)) {
				page = Math.max(page, type.getQualityValue());
			}
			else {
				other = Math.max(other, type.getQualityValue());
			}
		}
		return other > page;
	}

	private void page(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ThymeleafViewResolver resolver = this.views.getObject();
		Locale locale = RequestContextUtils.getLocale(request);
		// HTML whatever the path looks like: Thymeleaf would take /css/none.css for CSS.
		request.setAttribute(View.SELECTED_CONTENT_TYPE, MediaType.TEXT_HTML);
		try {
			View view = resolver.resolveViewName(template(status), locale);
			if (view == null) {
				throw new IllegalStateException("No error page template");
			}
			// Sent with its length: a page that ends where the connection ends could be
			// cut off when the connection closes with a request body left unread.
			ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
			view.render(Map.of("status", status), request, page);
			page.copyBodyToResponse();
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The error page could not be rendered", ex);
		}
	}

	/** {@code error/<status>} where that template exists, else {@code error}. */
	private String template(int status) {
		return this.templates.computeIfAbsent(status, (code) -> {
			String specific = "error/" + code;
			return this.resources.getResource("classpath:/templates/" + specific + ".html").exists() ? specific
					: "error";
		});
	}

	private static @Nullable URI instance(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			return URI.create((original != null) ? original.toString() : request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The path the client asked for, also while the error dispatch answers it. */
	private static String path(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (original != null) ? original.toString() : request.getRequestURI();
		String root = request.getContextPath();
		return (root != null && uri.startsWith(root)) ? uri.substring(root.length()) : uri;
	}

}
