package com.focusedroom.admin;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Seeded fuzzing of the two admin forms (issue 12, acceptance): the login form and the
 * rectification of a customer's demographics. Random and hostile field values never give
 * a server error or a stack trace; a refused rectification changes nothing and audits
 * nothing, an accepted one stores only valid values.
 */
@SpringBootTest(properties = AdminTestContext.PROPERTY)
@AutoConfigureMockMvc
@WithMockUser(username = "test-admin", roles = "ADMIN")
class AdminFormsFuzzTests {

	private static final long SEED = 20261202L;

	private static final List<String> NASTY = List.of("<script>alert(1)</script>", "'; DROP TABLE customer; --",
			"\u0000", "\u0000\u0007\u001b", "%zz", "${7*7}", "[[${7*7}]]", "=cmd|' /C calc'!A0", "\uD800", "\uFFFF",
			"🙂".repeat(300), " ", "", "-1", "0", "12", "13", "120", "121", "99999999999999999999", "1e3", "NaN",
			"senior", "SENIOR", "student", "focus", "FOCUS", "nonsense", "x".repeat(10_000));

	private static final List<String> FIELDS = List.of("name", "age", "profession", "careerStage", "primaryGoal");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theRectificationFormNeverFailsAndStoresNothingHalf() {
		Random random = new Random(SEED);
		long id = Fixtures.customer(this.jdbc, Fixtures.email("fuzz.rectify"), "Fuzz Name", "Clerk", "student", 1,
				false);
		for (int i = 0; i < 300; i++) {
			Map<String, Object> before = row(id);
			long audits = audits(id);
			var request = this.mvc.post().uri("/admin/customers/{id}/demographics", id).with(csrf());
			for (String field : FIELDS) {
				if (random.nextInt(5) > 0) {
					request = request.param(field, value(random));
				}
				if (random.nextInt(10) == 0) {
					request = request.param(field, value(random));
				}
			}
			if (random.nextInt(4) == 0) {
				request = request.param(value(random), value(random));
			}
			MvcTestResult result = request.exchange();
			int status = result.getResponse().getStatus();
			String body = bodyOf(result);
			assertThat(status).as("case %d", i).isLessThan(500);
			assertThat(body).as("case %d", i).doesNotContain("Exception", "at com.focusedroom", "at org.");
			Map<String, Object> after = row(id);
			if (status >= 400) {
				assertThat(after).as("case %d: refused, nothing changed", i).isEqualTo(before);
				assertThat(audits(id)).as("case %d: refused, nothing audited", i).isEqualTo(audits);
			}
			else {
				assertThat(status).as("case %d", i).isEqualTo(302);
				Object age = after.get("age");
				assertThat(age == null || ((Integer) age >= 13 && (Integer) age <= 120)).as("case %d: age %s", i, age)
					.isTrue();
				Object name = after.get("name");
				assertThat(name == null || !name.toString().contains("\u0000")).as("case %d", i).isTrue();
			}
		}
	}

	@Test
	void theLoginFormNeverFails() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < 200; i++) {
			var request = this.mvc.post().uri("/admin/login").with(anonymous()).with(csrf());
			if (random.nextInt(6) > 0) {
				request = request.param("username", value(random));
			}
			if (random.nextInt(6) > 0) {
				request = request.param("password", value(random));
			}
			if (random.nextInt(5) == 0) {
				request = request.param(value(random), value(random));
			}
			MvcTestResult result = request.exchange();
			int status = result.getResponse().getStatus();
			assertThat(status).as("case %d", i).isLessThan(500);
			assertThat(bodyOf(result)).as("case %d", i).doesNotContain("Exception", "at com.focusedroom", "at org.");
			if (status < 400) {
				assertThat(result.getResponse().getRedirectedUrl()).as("case %d: a refused login", i)
					.startsWith("/admin/login?");
			}
		}
	}

	private static String value(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> NASTY.get(random.nextInt(NASTY.size()));
			case 1 -> Integer.toString(random.nextInt(300) - 50);
			case 2 -> NASTY.get(random.nextInt(NASTY.size())) + NASTY.get(random.nextInt(NASTY.size()));
			default -> {
				StringBuilder text = new StringBuilder();
				int length = random.nextInt(40);
				for (int i = 0; i < length; i++) {
					text.append((char) random.nextInt(0x3000));
				}
				yield text.toString();
			}
		};
	}

	private static String bodyOf(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, Object> row(long id) {
		return this.jdbc
			.sql("SELECT name, age, profession, career_stage, purpose, updated_at FROM customer WHERE customer_id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private long audits(long id) {
		return this.jdbc.sql("SELECT count(*) FROM admin_audit WHERE customer_id = ? AND action = 'rectify'")
			.param(id)
			.query(Long.class)
			.single();
	}

}
