package com.focusedroom.login;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.focusedroom.audit.Actor;
import com.focusedroom.audit.AuditAction;
import com.focusedroom.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back-off for the admin login that an attacker cannot turn against the admin. Failed
 * logins within the window are counted per typed name and where they came from: a browser
 * that has logged in before (its device cookie) is its own place, anything else counts by
 * IP address. Too many for one name from one place lock that name there; too many from
 * one address lock the address; but nobody's failures elsewhere lock the admin's own
 * browser or address. Typed names are stored only as keyed hashes ({@link LoginKeys}), so
 * unknown names behave exactly like known ones. An attempt refused while locked writes
 * nothing, and the login POST is rate limited per client like every public POST, so
 * refused attempts cannot grow the tables. Failures are kept in the database, so every
 * app instance sees them.
 */
@Component
@ConditionalOnWebApplication(type = Type.SERVLET)
public class LoginThrottle {

	public static final String LOGIN_URL = "/admin/login";

	/** The cookie of a browser where an admin has logged in. */
	static final String DEVICE_COOKIE = "FR_ADMIN_DEVICE";

	static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(180);

	static final String UNKNOWN_USER = "(unknown)";

	private static final String COUNT = """
			SELECT count(*) FROM admin_login_failure
			WHERE username = :name AND remote_address = :place AND failed_at > now() - make_interval(secs => :window)
			""";

	private static final String COUNT_ADDRESS = """
			SELECT count(*) FROM admin_login_failure
			WHERE remote_address = :address AND failed_at > now() - make_interval(secs => :window)
			""";

	private final JdbcClient jdbc;

	private final AdminProperties.Lockout lockout;

	private final AdminUsers users;

	private final LoginKeys keys;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	LoginThrottle(JdbcClient jdbc, AdminProperties properties, AdminUsers users, AuditLog audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.lockout = properties.lockout();
		this.users = users;
		this.keys = new LoginKeys(properties);
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Whether a login attempt must be refused without checking its password. */
	boolean isLocked(Attempt attempt) {
		if (count(COUNT, attempt) >= this.lockout.maxFailuresPerUser()) {
			return true;
		}
		return attempt.device().isEmpty() && count(COUNT_ADDRESS, attempt) >= this.lockout.maxFailuresPerAddress();
	}

	private long count(String sql, Attempt attempt) {
		return this.jdbc.sql(sql)
			.param("name", attempt.nameKey())
			.param("place", attempt.place())
			.param("address", attempt.address())
			.param("window", (double) this.lockout.window().toSeconds())
			.query(Long.class)
			.single();
	}

	/** Records a failed login and its audit entry in one transaction. */
	void recordFailure(Attempt attempt) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM admin_login_failure WHERE failed_at < now() - make_interval(secs => :window)")
				.param("window", (double) this.lockout.window().toSeconds())
				.update();
			this.jdbc.sql("INSERT INTO admin_login_failure (username, remote_address) VALUES (:name, :place)")
				.param("name", attempt.nameKey())
				.param("place", attempt.place())
				.update();
			this.audit.record(new Actor(attempt.auditedName(), attempt.address()), AuditAction.LOGIN_FAILED, null,
					null);
		});
	}

	/** Clears the failures of this name at this place and records the login. */
	void recordSuccess(Attempt attempt, String username) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM admin_login_failure WHERE username = :name AND remote_address = :place")
				.param("name", attempt.nameKey())
				.param("place", attempt.place())
				.update();
			this.audit.record(new Actor(username, attempt.address()), AuditAction.LOGIN, null, null);
		});
	}

	Attempt attempt(HttpServletRequest request) {
		String username = request.getParameter("username");
		String address = Actor.addressOf(request);
		Optional<String> device = this.keys.deviceKey(username, deviceCookie(request));
		return new Attempt(this.keys.nameKey(username), address, device,
				this.users.isAdmin(username) ? username : UNKNOWN_USER);
	}

	private static @Nullable String deviceCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (DEVICE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** Refuses a login attempt while its name is locked at its place, or its address. */
	public OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod())
						&& LOGIN_URL.equals(request.getRequestURI().substring(request.getContextPath().length()))
						&& isLocked(attempt(request))) {
					response.sendRedirect(request.getContextPath() + LOGIN_URL + "?locked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * After a login: clears its failures, gives the browser its device cookie, and goes
	 * to the page the admin first asked for (kept in a cookie, not a session) or the
	 * dashboard.
	 */
	public AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		redirect.setDefaultTargetUrl("/admin");
		redirect.setRequestCache(new CookieRequestCache());
		return (request, response, authentication) -> {
			recordSuccess(attempt(request), authentication.getName());
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(DEVICE_COOKIE, this.keys.newDeviceToken(authentication.getName()))
						.path(request.getContextPath() + LOGIN_URL)
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Strict")
						.maxAge(DEVICE_COOKIE_AGE)
						.build()
						.toString());
			redirect.onAuthenticationSuccess(request, response, authentication);
		};
	}

	public AuthenticationFailureHandler failureHandler() {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler(
				LOGIN_URL + "?error");
		return (request, response, exception) -> {
			recordFailure(attempt(request));
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

	public LogoutHandler logoutHandler() {
		return (HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) -> {
			if (authentication != null) {
				this.audit.record(new Actor(authentication.getName(), Actor.addressOf(request)), AuditAction.LOGOUT,
						null, null);
			}
		};
	}

	/**
	 * One login attempt as the throttle sees it.
	 *
	 * @param nameKey the keyed hash of the typed name
	 * @param address the client's IP address
	 * @param device the key of the browser's valid device cookie for that name, if any
	 * @param auditedName the admin's name, or {@code (unknown)} for any other text
	 */
	record Attempt(String nameKey, String address, Optional<String> device, String auditedName) {

		/** Where failures of this attempt are counted: its device, else its address. */
		String place() {
			return this.device.orElse(this.address);
		}

	}

}
