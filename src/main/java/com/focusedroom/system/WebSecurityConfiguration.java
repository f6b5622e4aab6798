package com.focusedroom.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusedroom.login.LoginThrottle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security for the whole site: public pages open, {@code /admin/**} behind our own login
 * page for the admins of the configuration, CSRF tokens on every HTML form, none on the
 * JSON API (no cookies, no ambient authority), and strict response headers.
 * <p>
 * The CSRF token of public visitors lives in a cookie, so they get no session and any app
 * instance accepts any other's token; a logged-in admin's lives in their session
 * ({@link SessionBoundCsrfTokens}). Admins get a session (timeout
 * {@code server.servlet.session.timeout}), a new one at login, and failed logins are
 * throttled by {@link LoginThrottle} (absent in web slice tests without a database).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class WebSecurityConfiguration {

	/** Our pages load nothing but their own CSS and images; no inline script or style. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * No Spring Security observations: even switched off by
	 * {@code management.observations.enable.spring.security=false}, the filter chain is
	 * still wrapped in an observing decorator that costs every request a little per
	 * filter (docs/benchmarks.md, issue 14.4). Requests are still measured
	 * ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The JSON API: stateless and anonymous, so it goes through a chain without sessions,
	 * CSRF tokens, saved requests or logins (each of those filters costs every submission
	 * something and gives an API client nothing), with the same response headers.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.logout((logout) -> logout.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<LoginThrottle> loginThrottle) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(LoginThrottle.LOGIN_URL)
			.permitAll()
			.requestMatchers("/admin", "/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionBoundCsrfTokens()))
			// The page an anonymous visitor asked for is kept in a cookie: no session
			// exists before a login, so anonymous requests cannot fill the server's
			// memory.
			.requestCache((cache) -> cache.requestCache(new CookieRequestCache()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.formLogin((login) -> {
				login.loginPage(LoginThrottle.LOGIN_URL).failureUrl(LoginThrottle.LOGIN_URL + "?error").permitAll();
				loginThrottle.ifAvailable((throttle) -> login.successHandler(throttle.successHandler())
					.failureHandler(throttle.failureHandler()));
			})
			.logout((logout) -> {
				logout.logoutUrl("/admin/logout").logoutSuccessUrl(LoginThrottle.LOGIN_URL + "?logout");
				loginThrottle.ifAvailable((throttle) -> logout.addLogoutHandler(throttle.logoutHandler()));
			})
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		loginThrottle.ifAvailable(
				(throttle) -> http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class));
		return http.build();
	}

	/**
	 * Loads the deferred CSRF token on every request, so its cookie is written before a
	 * long page (the 120-item test) commits the response.
	 */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
