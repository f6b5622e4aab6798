package com.focusedroom.audit;

/**
 * What an audit entry records; the codes are stored in {@code admin_audit.action} and
 * checked by the database. {@link #LOGIN_LOCKED} is no longer written (an attempt refused
 * while locked writes nothing, so refusals cannot fill the append-only log) and stays to
 * label the entries written before.
 */
public enum AuditAction {

	LOGIN("login", "Logged in"), LOGIN_FAILED("login_failed", "Login failed"),
	LOGIN_LOCKED("login_locked", "Login refused: locked out"), LOGOUT("logout", "Logged out"),
	VIEW_CUSTOMER("view_customer", "Viewed customer"), EXPORT_CSV("export_csv", "Exported customers (CSV)"),
	EXPORT_GDPR("export_gdpr", "Exported customer data (GDPR)"), RECTIFY("rectify", "Rectified demographics"),
	ERASE("erase", "Erased customer"), RETENTION_ERASE("retention_erase", "Erased by retention job"),
	VIEW_MAIL("view_mail", "Viewed a mail"), LIFT_SUPPRESSION("lift_suppression", "Lifted a mail suppression");

	private final String code;

	private final String label;

	AuditAction(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	static String labelOf(String code) {
		for (AuditAction action : values()) {
			if (action.code.equals(code)) {
				return action.label;
			}
		}
		return code;
	}

}
