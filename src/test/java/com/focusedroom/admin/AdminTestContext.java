package com.focusedroom.admin;

/**
 * The admin tests share one application context (and so one embedded database) of their
 * own: other features' tests write customers in ways the admin tests need not know about.
 */
public final class AdminTestContext {

	public static final String PROPERTY = "focusedroom.test.context=admin";

	private AdminTestContext() {
	}

}
