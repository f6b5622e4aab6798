package com.focusedroom.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the HTTP session when there is one (a logged-in admin), else in a cookie
 * (public visitors, who never get a session, and the login form itself). An admin's token
 * is thereby tied to their session: a token planted as a cookie from a sibling domain is
 * worth nothing on the admin's forms. The login replaces the token (Spring Security's
 * CSRF authentication strategy), so the pre-login cookie token is not used afterwards.
 */
final class SessionBoundCsrfTokens implements CsrfTokenRepository {

	private final CsrfTokenRepository cookies;

	private final CsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	SessionBoundCsrfTokens() {
		CookieCsrfTokenRepository cookieTokens = new CookieCsrfTokenRepository();
		cookieTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		this.cookies = cookieTokens;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return repository(request).generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		repository(request).saveToken(token, request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return repository(request).loadToken(request);
	}

	private CsrfTokenRepository repository(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.sessions : this.cookies;
	}

}
