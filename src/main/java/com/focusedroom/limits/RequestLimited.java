package com.focusedroom.limits;

/**
 * A request was refused by a rate limit. Carries nothing about the client.
 *
 * @param limit which limit refused it
 */
public record RequestLimited(String limit) {

	/** The per-client limit on public POSTs ({@code focusedroom.rate-limit.*}). */
	public static final String PUBLIC_POST = "public-post";

	/**
	 * The per-client limit on report PDFs ({@code focusedroom.rate-limit.pdf-requests}).
	 */
	public static final String REPORT_PDF = "report-pdf";

}
