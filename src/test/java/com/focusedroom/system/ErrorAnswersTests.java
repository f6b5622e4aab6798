package com.focusedroom.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every error of a controller and of the error dispatch answered by the one writer
 * ({@link ErrorAnswers}): a problem under {@code /api} and for clients that ask for JSON,
 * a page otherwise, with the status, headers and texts clients rely on.
 */
@WebMvcTest(controllers = ErrorDispatch.class)
@Import({ WebSecurityConfiguration.class, ErrorAnswersTests.Failing.class })
class ErrorAnswersTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	private static final String APP = "application/json, application/problem+json";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anUnknownPageIsA404PageWithTheSitesStyleAndSecurityHeaders() {
		MvcTestResult page = this.mvc.get().uri("/no-such-page").header("Accept", BROWSER).exchange();
		assertPage(page, 404, "We could not find that page");
		assertThat(page).headers()
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("X-Content-Type-Options", "nosniff")
			.hasValue("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertPage(this.mvc.get().uri("/no-such-page").exchange(), 404, "We could not find that page");
		assertPage(this.mvc.get().uri("/css/no-such.css").header("Accept", BROWSER).exchange(), 404,
				"We could not find that page");
	}

	@Test
	void aClientAskingForJsonGetsAProblemOutsideTheApiToo() {
		assertProblem(this.mvc.get().uri("/no-such-page").header("Accept", APP).exchange(), 404, "/no-such-page");
		assertProblem(this.mvc.get().uri("/no-such-page").header("Accept", "application/json, */*;q=0.1").exchange(),
				404, "/no-such-page");
	}

	@Test
	void underTheApiEveryErrorIsAProblemEvenForABrowser() {
		JsonNode missing = assertProblem(
				this.mvc.get().uri("/api/v1/no-such-thing").header("Accept", BROWSER).exchange(), 404,
				"/api/v1/no-such-thing");
		assertThat(missing.path("detail").asString()).isNotBlank();
		assertProblem(this.mvc.get().uri("/api").exchange(), 404, "/api");

		MvcTestResult wrongMethod = this.mvc.delete().uri("/api/test/json").header("Accept", APP).exchange();
		assertProblem(wrongMethod, 405, "/api/test/json");
		assertThat(wrongMethod).headers().hasValue("Allow", "POST");

		MvcTestResult wrongType = this.mvc.post()
			.uri("/api/test/json")
			.contentType(MediaType.TEXT_PLAIN)
			.content("{}")
			.header("Accept", APP)
			.exchange();
		assertProblem(wrongType, 415, "/api/test/json");
		assertThat(wrongType).headers().hasValue("Accept", "application/json");
	}

	@Test
	void outsideTheApiAWrongMethodOrContentTypeIsAPage() {
		MvcTestResult wrongMethod = this.mvc.post()
			.uri("/test/forged")
			.with(csrf())
			.header("Accept", BROWSER)
			.exchange();
		assertPage(wrongMethod, 405, "That page cannot take this kind of request");
		assertThat(wrongMethod).headers().hasValue("Allow", "GET");

		MvcTestResult wrongType = this.mvc.post()
			.uri("/test/json")
			.with(csrf())
			.contentType(MediaType.TEXT_PLAIN)
			.content("{}")
			.header("Accept", BROWSER)
			.exchange();
		assertPage(wrongType, 415, "That kind of content is not accepted here");
	}

	@Test
	void aForgedFieldIsA400PageOrProblemNotAServerError() {
		assertPage(this.mvc.get().uri("/test/forged").header("Accept", BROWSER).exchange(), 400,
				"That request was not understood");
		assertProblem(this.mvc.get().uri("/api/test/forged").header("Accept", APP).exchange(), 400, "/api/test/forged");
	}

	@Test
	void whileTheDatabaseIsAwayTheAnswerIs503WithRetryAfterAsAPageAndAsAProblem() {
		MvcTestResult page = this.mvc.get().uri("/test/database-away").header("Accept", BROWSER).exchange();
		assertPage(page, 503, "FocusedRoom is briefly unavailable");
		assertThat(page).bodyText().contains("Nothing you sent was stored");
		assertThat(page).headers().hasValue("Retry-After", "5");

		MvcTestResult api = this.mvc.get().uri("/api/test/database-away").header("Accept", APP).exchange();
		JsonNode problem = assertProblem(api, 503, "/api/test/database-away");
		assertThat(problem.path("detail").asString())
			.isEqualTo("The database is briefly unavailable. Nothing was stored; please retry.");
		assertThat(api).headers().hasValue("Retry-After", "5");
	}

	@Test
	void aResponseStatusOutsideTheApiIsAPageForABrowser() {
		assertPage(this.mvc.get().uri("/test/gone").header("Accept", BROWSER).exchange(), 404,
				"We could not find that page");
		JsonNode problem = assertProblem(this.mvc.get().uri("/api/test/gone").exchange(), 404, "/api/test/gone");
		assertThat(problem.path("detail").asString()).isEqualTo("No such thing");
	}

	@Test
	void theErrorPathOpenedDirectlyIsNotFoundNotAServerError() {
		assertPage(this.mvc.get().uri("/error").header("Accept", BROWSER).exchange(), 404,
				"We could not find that page");
		assertProblem(this.mvc.get().uri("/error").header("Accept", APP).exchange(), 404, "/error");
	}

	@Test
	void theErrorDispatchAnswersWithTheStatusOfTheFailedRequest() {
		assertPage(this.mvc.get().uri("/error").with(errorDispatch(403, "/ebook")).header("Accept", BROWSER).exchange(),
				403, "That request was refused");
		assertProblem(this.mvc.get().uri("/error").with(errorDispatch(403, "/ebook")).header("Accept", APP).exchange(),
				403, "/ebook");
		assertProblem(this.mvc.get()
			.uri("/error")
			.with(errorDispatch(400, "/api/v1/unsubscribe/x;jsessionid=1"))
			.header("Accept", BROWSER)
			.exchange(), 400, "/api/v1/unsubscribe/x;jsessionid=1");
	}

	@Test
	void aFaultOfOursGoesToTheContainerAndComesBackAs500WithoutInternals() {
		assertThat(this.mvc.get().uri("/api/test/fault").exchange()).hasFailed()
			.failure()
			.hasRootCauseInstanceOf(IllegalStateException.class);
		MvcTestResult api = this.mvc.get().uri("/error").with(errorDispatch(500, "/api/test/fault")).with((request) -> {
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"));
			return request;
		}).exchange();
		JsonNode problem = assertProblem(api, 500, "/api/test/fault");
		assertThat(problem.path("detail").asString())
			.isEqualTo("Something went wrong on our side; nothing was stored.");
		assertThat(api).bodyText().doesNotContain("secret internals", "Exception");
		MvcTestResult page = this.mvc.get()
			.uri("/error")
			.with(errorDispatch(500, "/test/fault"))
			.header("Accept", BROWSER)
			.exchange();
		assertPage(page, 500, "Something went wrong on our side");
	}

	@Test
	void aDatabaseAwayOutsideAnyControllerIs503Too() {
		MvcTestResult api = this.mvc.get().uri("/error").with(errorDispatch(500, "/admin/login")).with((request) -> {
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new CannotCreateTransactionException("away"));
			return request;
		}).header("Accept", BROWSER).exchange();
		assertPage(api, 503, "FocusedRoom is briefly unavailable");
		assertThat(api).headers().hasValue("Retry-After", "5");
	}

	private static RequestPostProcessor errorDispatch(int status, String path) {
		return (request) -> {
			request.setDispatcherType(DispatcherType.ERROR);
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
			return request;
		};
	}

	private static void assertPage(MvcTestResult result, int status, String heading) {
		assertThat(result).hasStatus(status);
		assertThat(result).contentType().isCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result).bodyText()
			.contains("<h1>", heading, "Error " + status + ".", "href=\"/css/app.css\"")
			.doesNotContain("<script", "Exception", "{\"");
	}

	private static JsonNode assertProblem(MvcTestResult result, int status, String instance) {
		assertThat(result).hasStatus(status);
		assertThat(result).contentType().isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
		assertThat(problem.path("instance").asString()).isEqualTo(instance);
		return problem;
	}

	/** Handlers that fail as the app's can, under a page path and under the API. */
	@RestController
	static class Failing {

		@GetMapping({ "/test/forged", "/api/test/forged" })
		void forged() {
			throw new InvalidPropertyException(Object.class, "answers[5000]", "No such statement");
		}

		@GetMapping({ "/test/database-away", "/api/test/database-away" })
		void databaseAway() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping({ "/test/gone", "/api/test/gone" })
		void gone() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such thing");
		}

		@GetMapping({ "/test/fault", "/api/test/fault" })
		void fault() {
			throw new IllegalStateException("secret internals");
		}

		@PostMapping(path = { "/test/json", "/api/test/json" }, consumes = MediaType.APPLICATION_JSON_VALUE)
		void json(@RequestBody String body) {
		}

	}

}
