package com.focusedroom.consent;

/**
 * A newsletter consent was recorded as granted or withdrawn. Published in the transaction
 * that records it; a listener that counts should do so after the commit. Carries nothing
 * about the person.
 *
 * @param granted {@code true} for a grant, {@code false} for a withdrawal
 * @param source where: {@code web_form}, {@code ebook_form}, {@code api} or
 * {@code unsubscribe_link} or {@code my_reports} (the codes of
 * {@code consent_event.source}); a ticked box counts as a grant when its mailed link is
 * confirmed (decision 0012)
 */
public record ConsentChanged(boolean granted, String source) {

	/** The source of a withdrawal through the unsubscribe link. */
	public static final String UNSUBSCRIBE_LINK = "unsubscribe_link";

	/** The source of a choice made while signed in to "my reports". */
	public static final String MY_REPORTS = "my_reports";

}
