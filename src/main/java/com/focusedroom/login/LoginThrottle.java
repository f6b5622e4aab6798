package com.focusedroom.login;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back-off for the admin login: too many failed logins within the window for one admin
 * username, or from one IP address, refuse further attempts (without checking the
 * password) until the window has passed. Failures are kept in the database, so every app
 * instance sees them. Logins, failures and refusals are audited; a failed guess at an
 * unknown username is stored as {@code (unknown)}, so typed text never reaches the
 * database.
 */
@Component
@ConditionalOnWebApplication(type = Type.SERVLET)
public class LoginThrottle {

	public static final String LOGIN_URL = "/admin/login";

	static final String UNKNOWN_USER = "(unknown)";

	static final String REFUSED = "(refused while locked)";

	private final JdbcClient jdbc;

	private final AdminProperties.Lockout lockout;

	private final AdminUsers users;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	LoginThrottle(JdbcClient jdbc, AdminProperties properties, AdminUsers users, AuditLog audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.lockout = properties.lockout();
		this.users = users;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	boolean isLocked(@Nullable String username, String address) {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM admin_login_failure
				        WHERE username = :username AND failed_at > now() - make_interval(secs => :window)) >= :perUser
				    OR (SELECT count(*) FROM admin_login_failure
				        WHERE remote_address = :address AND failed_at > now() - make_interval(secs => :window))
				       >= :perAddress
				""")
			.param("username", storedName(username))
			.param("address", address)
			.param("window", (double) this.lockout.window().toSeconds())
			.param("perUser", this.lockout.maxFailuresPerUser())
			.param("perAddress", this.lockout.maxFailuresPerAddress())
			.query(Boolean.class)
			.single();
	}

	/** Records a failed login and its audit entry in one transaction. */
	void recordFailure(@Nullable String username, String address) {
		this.transaction.executeWithoutResult((status) -> failed(username, address));
	}

	private void failed(@Nullable String username, String address) {
		this.jdbc.sql("DELETE FROM admin_login_failure WHERE failed_at < now() - make_interval(secs => :window)")
			.param("window", (double) this.lockout.window().toSeconds())
			.update();
		this.jdbc.sql("INSERT INTO admin_login_failure (username, remote_address) VALUES (:username, :address)")
			.param("username", storedName(username))
			.param("address", address)
			.update();
		this.audit.record(new Actor(storedName(username), address), AuditAction.LOGIN_FAILED, null, null);
	}

	/**
	 * Records an attempt refused while locked: it counts against the address (an attacker
	 * stays locked out while they keep trying) but not against the username (so an
	 * attacker cannot keep an admin locked out for ever).
	 */
	void recordRefusal(@Nullable String username, String address) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("INSERT INTO admin_login_failure (username, remote_address) VALUES (:username, :address)")
				.param("username", REFUSED)
				.param("address", address)
				.update();
			this.audit.record(new Actor(storedName(username), address), AuditAction.LOGIN_LOCKED, null, null);
		});
	}

	/** Clears the admin's failures and records the login in one transaction. */
	void recordSuccess(String username, String address) {
		this.transaction.executeWithoutResult((status) -> succeeded(username, address));
	}

	private void succeeded(String username, String address) {
		this.jdbc.sql("DELETE FROM admin_login_failure WHERE username = :username")
			.param("username", username)
			.update();
		this.audit.record(new Actor(username, address), AuditAction.LOGIN, null, null);
	}

	private String storedName(@Nullable String username) {
		return this.users.isAdmin(username) ? username : UNKNOWN_USER;
	}

	/** Refuses a login attempt while its username or address is locked out. */
	public OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod())
						&& LOGIN_URL.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
					String username = request.getParameter("username");
					String address = Actor.addressOf(request);
					if (isLocked(username, address)) {
						recordRefusal(username, address);
						response.sendRedirect(request.getContextPath() + LOGIN_URL + "?locked");
						return;
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	public AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setDefaultTargetUrl("/admin");
		return (request, response, authentication) -> {
			recordSuccess(authentication.getName(), Actor.addressOf(request));
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	public AuthenticationFailureHandler failureHandler() {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler(
				LOGIN_URL + "?error");
		return (request, response, exception) -> {
			recordFailure(request.getParameter("username"), Actor.addressOf(request));
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

	public LogoutHandler logoutHandler() {
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			if (authentication != null) {
				this.audit.record(new Actor(authentication.getName(), Actor.addressOf(request)), AuditAction.LOGOUT,
						null, null);
			}
		};
	}

}
