package com.focusedroom.consent;

import org.jspecify.annotations.Nullable;

/**
 * What a visitor chose at the newsletter checkbox of a form or an API request.
 *
 * @param optIn whether the box was ticked; unticked never withdraws an earlier consent
 * @param shownVersion the version of the consent text the visitor was shown, or
 * {@code null} when the client did not say (the current version is then recorded)
 */
public record NewsletterChoice(boolean optIn, @Nullable String shownVersion) {

	public static NewsletterChoice notTicked() {
		return new NewsletterChoice(false, null);
	}

}
