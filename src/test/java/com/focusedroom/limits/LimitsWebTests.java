package com.focusedroom.limits;

import java.io.BufferedReader;
import java.util.Enumeration;
import java.util.Map;

import com.focusedroom.system.WebSecurityConfiguration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The limits' own answers, written by the app's error writer without an error dispatch:
 * the oversized form's 413 page (its body never read), and the rate limit's 429 as a page
 * and as a problem, both with {@code Retry-After}.
 */
@WebMvcTest(controllers = LimitsWebTests.Target.class,
		properties = { "focusedroom.rate-limit.requests=2", "focusedroom.rate-limit.window=1h",
				"server.tomcat.max-http-form-post-size=1KB" })
@Import({ LimitsConfiguration.class, WebSecurityConfiguration.class, LimitsWebTests.Target.class })
// The printed request would read the oversized form's parameters after the answer.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class LimitsWebTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void anOversizedFormIsA413PageWrittenWithoutReadingTheBody() {
		MvcTestResult result = this.mvc.post()
			.uri("/form")
			.header("Accept", BROWSER)
			.with(unreadableForm("10.1.0.1", 2048))
			.exchange();
		assertThat(result).hasStatus(413);
		assertThat(result).headers().hasValue("Connection", "close");
		assertThat(result).contentType().isCompatibleWith(MediaType.TEXT_HTML);
		assertThat(result).bodyText()
			.contains("<title>Too much at once | FocusedRoom</title>", "That was more than we can take",
					"The form you sent is larger than we accept, so nothing was stored.", "href=\"/css/app.css\"")
			.doesNotContain("<script");
	}

	@Test
	void anOversizedFormFromAClientAskingForJsonIsA413Problem() {
		MvcTestResult result = this.mvc.post()
			.uri("/form")
			.header("Accept", "application/json")
			.with(unreadableForm("10.1.0.2", 2048))
			.exchange();
		JsonNode problem = problem(result, 413);
		assertThat(problem.path("instance").asString()).isEqualTo("/form");
		assertThat(result).headers().hasValue("Connection", "close");
	}

	@Test
	void aFormWithinTheLimitIsServed() {
		MvcTestResult result = this.mvc.post()
			.uri("/form")
			.with(csrf())
			.with(address("10.1.0.3"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=a%40example.com")
			.exchange();
		assertThat(result).hasStatus(204);
	}

	@Test
	void overTheRateLimitAFormGetsThe429PageWithRetryAfter() {
		for (int i = 0; i < 2; i++) {
			assertThat(postForm("10.2.0.1", BROWSER)).hasStatus(204);
		}
		MvcTestResult limited = postForm("10.2.0.1", BROWSER);
		assertThat(limited).hasStatus(429);
		assertThat(limited).contentType().isCompatibleWith(MediaType.TEXT_HTML);
		assertThat(limited).bodyText()
			.contains("<title>Too many requests | FocusedRoom</title>", "Too many requests at once",
					"Nothing was stored", "href=\"/css/app.css\"")
			.doesNotContain("<script");
		assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(1L, 1800L);
		assertThat(postForm("10.2.0.2", BROWSER)).as("another client").hasStatus(204);
	}

	@Test
	void overTheRateLimitTheApiGetsA429ProblemWithRetryAfter() {
		for (int i = 0; i < 2; i++) {
			assertThat(postJson("10.3.0.1")).hasStatus(204);
		}
		MvcTestResult limited = postJson("10.3.0.1");
		JsonNode problem = problem(limited, 429);
		long retryAfter = Long.parseLong(limited.getResponse().getHeader("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 1800L);
		assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
		assertThat(problem.path("detail").asString())
			.isEqualTo("Too many requests from this address; try again in " + retryAfter + " second(s).");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/thing");
	}

	@Test
	void overTheRateLimitAFormFromAClientAskingForJsonGetsTheProblem() {
		for (int i = 0; i < 2; i++) {
			postForm("10.4.0.1", "application/json");
		}
		JsonNode problem = problem(postForm("10.4.0.1", "application/json"), 429);
		assertThat(problem.path("retryAfterSeconds").asLong()).isPositive();
	}

	private MvcTestResult postForm(String address, String accept) {
		return this.mvc.post()
			.uri("/form")
			.with(csrf())
			.with(address(address))
			.header("Accept", accept)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=a%40example.com")
			.exchange();
	}

	private MvcTestResult postJson(String address) {
		return this.mvc.post()
			.uri("/api/v1/thing")
			.with(address(address))
			.header("Accept", "application/json")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();
	}

	private JsonNode problem(MvcTestResult result, int status) {
		assertThat(result).hasStatus(status);
		assertThat(result).contentType().isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = this.json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		return problem;
	}

	private static RequestPostProcessor address(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * A form POST of the given size whose parameters and body fail the test if anything
	 * reads them.
	 */
	private static RequestPostProcessor unreadableForm(String address, int size) {
		return (built) -> {
			UnreadableRequest request = new UnreadableRequest(built.getServletContext(), built.getRequestURI());
			request.setRemoteAddr(address);
			request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
			request.setContent(("name=" + "x".repeat(size)).getBytes());
			for (Enumeration<String> names = built.getHeaderNames(); names.hasMoreElements();) {
				String name = names.nextElement();
				request.addHeader(name, built.getHeader(name));
			}
			return request;
		};
	}

	private static final class UnreadableRequest extends MockHttpServletRequest {

		UnreadableRequest(ServletContext context, String uri) {
			super(context, "POST", uri);
		}

		@Override
		public String getParameter(String name) {
			throw new AssertionError("the oversized form's parameters were read");
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			throw new AssertionError("the oversized form's parameters were read");
		}

		@Override
		public Enumeration<String> getParameterNames() {
			throw new AssertionError("the oversized form's parameters were read");
		}

		@Override
		public String[] getParameterValues(String name) {
			throw new AssertionError("the oversized form's parameters were read");
		}

		@Override
		public ServletInputStream getInputStream() {
			throw new AssertionError("the oversized form's body was read");
		}

		@Override
		public BufferedReader getReader() {
			throw new AssertionError("the oversized form's body was read");
		}

	}

	/** Stands in for the app's forms and API behind the limits. */
	@RestController
	static class Target {

		@PostMapping({ "/form", "/api/v1/thing" })
		org.springframework.http.ResponseEntity<Void> accepted() {
			return org.springframework.http.ResponseEntity.noContent().build();
		}

	}

}
