package com.focusedroom.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Which rendering of a report a request gets, read from the database on every request
 * with one cheap query: the result and the row version it is at, and the variant the
 * visitor sees (the earlier result it is compared with, if any, and whether it is marked
 * as unconfirmed). A stored report never changes but for the report module's own updates
 * (re-scoring, claiming), and each of those gives the row a new version (PostgreSQL's
 * {@code xmin}, the transaction that last wrote it), so two requests with the same
 * version get the same page and PDF; see docs/decisions/0013.
 *
 * @param resultId {@code big_five_result.id}
 * @param rowVersion the row's {@code xmin}
 * @param reportId its number for the customer, for the PDF's file name
 * @param unconfirmed shown as unconfirmed (decision 0012)
 * @param previousId the earlier result it is compared with, or null
 * @param previousVersion that result's {@code xmin}, or null
 */
record ReportVersion(long resultId, String rowVersion, int reportId, boolean unconfirmed, @Nullable Long previousId,
		@Nullable String previousVersion) {

	/**
	 * What a stored rendering was made from: both rows' versions and the app's rendering
	 * ({@link Rendering}).
	 */
	String contentVersion(String rendering) {
		return this.rowVersion + ":" + ((this.previousVersion != null) ? this.previousVersion : "-") + ":" + rendering;
	}

	/**
	 * A strong ETag of one format of this rendering: a hash, so that it reveals neither
	 * the result's id nor anything else about it.
	 */
	String etag(ReportViewed.Format format, String rendering) {
		return etag(format.name(), rendering);
	}

	/**
	 * {@link #etag(ReportViewed.Format, String)} of the page sent gzip-compressed:
	 * another representation, so another strong ETag.
	 */
	String gzipEtag(String rendering) {
		return etag(ReportViewed.Format.PAGE.name() + "+gzip", rendering);
	}

	private String etag(String representation, String rendering) {
		String identity = representation + "|" + this.resultId + "|" + this.previousId + "|" + this.unconfirmed + "|"
				+ contentVersion(rendering);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
