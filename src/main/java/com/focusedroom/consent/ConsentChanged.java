package com.focusedroom.consent;

/**
 * A newsletter consent was recorded as granted or withdrawn. Published in the transaction
 * that records it; a listener that counts should do so after the commit. Carries nothing
 * about the person.
 *
 * @param granted {@code true} for a grant, {@code false} for a withdrawal
 * @param source where: {@code web_form}, {@code ebook_form}, {@code api} or
 * {@code unsubscribe_link} (the codes of {@code consent_event.source})
 */
public record ConsentChanged(boolean granted, String source) {

	/** The source of a withdrawal through the unsubscribe link. */
	public static final String UNSUBSCRIBE_LINK = "unsubscribe_link";

}
