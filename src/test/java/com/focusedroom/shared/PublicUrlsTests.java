package com.focusedroom.shared;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicUrlsTests {

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aConfiguredBaseStartsEveryAddressWhateverHostTheClientNames() {
		requestFor("evil.example");
		PublicUrls urls = new PublicUrls("https://focusedroom.example/", 8080);
		assertThat(urls.forResponse("/report/abc")).hasToString("https://focusedroom.example/report/abc");
		assertThat(urls.forMail("report/abc")).hasToString("https://focusedroom.example/report/abc");
	}

	@Test
	void withoutABaseAnswersUseTheRequestButMailNeverTakesTheClientsHost() {
		requestFor("evil.example");
		PublicUrls urls = new PublicUrls("", 8123);
		assertThat(urls.forResponse("/report/abc")).hasToString("http://evil.example/report/abc");
		assertThat(urls.forMail("/my-reports/sign-in/t")).hasToString("http://localhost:8123/my-reports/sign-in/t");
	}

	@Test
	void aBaseThatIsNotAnAbsoluteHttpAddressIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrls("focusedroom.example", 8080));
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicUrls("ftp://focusedroom.example", 8080));
	}

	private static void requestFor(String host) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setServerName(host);
		request.setServerPort(80);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

}
