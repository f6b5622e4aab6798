package com.focusedroom.assessment;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test page a new visitor gets is kept once rendered (BlankTestPages): every visitor
 * still gets their own working CSRF token, and nobody's campaign data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BlankTestPageTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern STAMP = Pattern.compile("name=\"started\" value=\"([0-9]+\\.[0-9a-f]{64})\"");

	@LocalServerPort
	private int port;

	@Test
	void twoVisitorsGetTheSamePageEachWithATokenOfTheirOwnThatWorks() throws Exception {
		Visitor ada = new Visitor(this.port);
		Visitor bob = new Visitor(this.port);
		String adasPage = ada.get("/big-five").body();
		String bobsPage = bob.get("/big-five").body();
		assertThat(token(adasPage)).isNotEqualTo(token(bobsPage));
		assertThat(STAMP.matcher(adasPage).find()).as("the kept page has the visitor's own start stamp").isTrue();
		assertThat(STAMP.matcher(bobsPage).find()).isTrue();
		assertThat(withoutToken(adasPage)).isEqualTo(withoutToken(bobsPage)).contains("answers[119]");

		for (Visitor visitor : new Visitor[] { ada, bob, new Visitor(this.port) }) {
			HttpResponse<String> sent = visitor.submitForm("/big-five", "/big-five",
					Visitor.testForm("blank.page." + System.nanoTime() + "@example.com", 3));
			assertThat(sent.statusCode()).as("the form posted with the token of the kept page").isEqualTo(303);
		}
	}

	@Test
	void campaignDataStaysOnTheVisitorsOwnPage() throws Exception {
		Visitor visitor = new Visitor(this.port);
		HttpResponse<String> plain = visitor.get("/big-five?lang=de");
		HttpResponse<String> campaign = visitor.get("/big-five?lang=de&utm_source=partner-site-42");
		HttpResponse<String> plainAgain = new Visitor(this.port).get("/big-five?lang=de");
		assertThat(campaign.body()).contains("partner-site-42");
		assertThat(plainAgain.body()).doesNotContain("partner-site-42");
		assertThat(withoutToken(plainAgain.body())).isEqualTo(withoutToken(plain.body()));
		assertThat(plain.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(plain.headers().firstValue("Content-Language")).isPresent();
	}

	private static String token(String page) {
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("the page has a CSRF field").isTrue();
		String token = matcher.group(1);
		assertThat(matcher.find()).as("only one").isFalse();
		return token;
	}

	private static String withoutToken(String page) {
		String withoutStamp = STAMP.matcher(page).replaceAll("name=\"started\" value=\"\"");
		return TOKEN.matcher(withoutStamp).replaceAll("name=\"_csrf\" value=\"\"");
	}

}
