package com.focusedroom.report;

/**
 * A stored report was served, as a page or as a PDF. Carries nothing about the report or
 * its reader.
 *
 * @param format how it was served
 */
public record ReportViewed(Format format) {

	/** How a report is served. */
	public enum Format {

		/** {@code /report/{token}}. */
		PAGE,
		/** {@code /report/{token}.pdf}. */
		PDF

	}

}
