package com.focusedroom.customer;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The customer a visitor is signed in as through "my reports" (a one-time link mailed to
 * their address). Kept in the servlet session under its own attribute, apart from the
 * admins' Spring Security login: it grants no role, so it never reaches {@code /admin},
 * and an admin login never makes anyone a customer.
 *
 * @param customerId the customer
 */
public record SignedInCustomer(long customerId) implements Serializable {

	private static final long serialVersionUID = 1L;

	static final String ATTRIBUTE = SignedInCustomer.class.getName();

	/** The customer the request's session is signed in as, if any. */
	public static Optional<SignedInCustomer> of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		return (session.getAttribute(ATTRIBUTE) instanceof SignedInCustomer customer) ? Optional.of(customer)
				: Optional.empty();
	}

	/** The id of the customer the request is signed in as, or {@code null}. */
	public static @Nullable Long idOf(HttpServletRequest request) {
		return of(request).map(SignedInCustomer::customerId).orElse(null);
	}

	/**
	 * Signs the request's visitor in as this customer, in a new session (session
	 * fixation: an id planted before the sign-in is worth nothing after it; and a
	 * customer's session never carries an admin's login along).
	 */
	public void signIn(HttpServletRequest request) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true).setAttribute(ATTRIBUTE, this);
	}

	/** Ends the visitor's session, whatever it held. */
	public static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

}
