package com.focusedroom.channel;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTests {

	@Test
	void blankValuesAreNotGivenAndControlCharactersAreRemoved() {
		Attribution attribution = new Attribution("  ", "e\u0000mail\n", null, "", "x", null);
		assertThat(attribution.utmSource()).isNull();
		assertThat(attribution.utmMedium()).isEqualTo("email");
		assertThat(attribution.utmTerm()).isNull();
		assertThat(new Attribution(null, null, null, null, null, " ").isEmpty()).isTrue();
	}

	@Test
	void valuesAreCutToWhatTheDatabaseKeeps() {
		Attribution attribution = new Attribution("s".repeat(300), null, null, null, null, "r".repeat(3000));
		assertThat(attribution.utmSource()).hasSize(200);
		assertThat(attribution.referrer()).hasSize(2000);
	}

	@Test
	void aLandingKeepsAnotherSitesReferrerButNotOurOwnPages() {
		MockHttpServletRequest landing = new MockHttpServletRequest("GET", "/big-five");
		landing.setServerName("focusedroom.example");
		landing.addParameter("utm_source", "blog");
		landing.addHeader("Referer", "https://partner.example.org/post");
		assertThat(AttributionResolver.of(landing))
			.isEqualTo(new Attribution("blog", null, null, null, null, "https://partner.example.org/post"));

		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/big-five");
		post.setServerName("focusedroom.example");
		post.addHeader("Referer", "https://focusedroom.example/big-five?utm_source=blog");
		assertThat(AttributionResolver.of(post).referrer()).isNull();
		post.addParameter("referrer", "https://partner.example.org/post");
		assertThat(AttributionResolver.of(post).referrer()).isEqualTo("https://partner.example.org/post");
	}

}
