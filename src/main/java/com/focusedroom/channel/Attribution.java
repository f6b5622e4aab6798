package com.focusedroom.channel;

import com.focusedroom.shared.TypedText;
import org.jspecify.annotations.Nullable;

/**
 * Where a visit came from, as far as the visit told us: the campaign (UTM) parameters of
 * the link that brought the visitor and the page that referred them. Every part is
 * optional; values are cleaned of control characters and cut to what
 * {@code customer_touch} keeps.
 *
 * @param utmSource {@code utm_source}, such as {@code newsletter}
 * @param utmMedium {@code utm_medium}, such as {@code email}
 * @param utmCampaign {@code utm_campaign}
 * @param utmTerm {@code utm_term}
 * @param utmContent {@code utm_content}
 * @param referrer the referring page
 */
public record Attribution(@Nullable String utmSource, @Nullable String utmMedium, @Nullable String utmCampaign,
		@Nullable String utmTerm, @Nullable String utmContent, @Nullable String referrer) {

	/** Longest campaign (UTM) value kept; the API refuses longer ones. */
	public static final int MAX_UTM_LENGTH = 200;

	/** Longest referring page kept; the API refuses longer ones. */
	public static final int MAX_REFERRER_LENGTH = 2000;

	public Attribution {
		utmSource = clean(utmSource, MAX_UTM_LENGTH);
		utmMedium = clean(utmMedium, MAX_UTM_LENGTH);
		utmCampaign = clean(utmCampaign, MAX_UTM_LENGTH);
		utmTerm = clean(utmTerm, MAX_UTM_LENGTH);
		utmContent = clean(utmContent, MAX_UTM_LENGTH);
		referrer = clean(referrer, MAX_REFERRER_LENGTH);
	}

	/** A visit that told us nothing about where it came from. */
	public static Attribution none() {
		return new Attribution(null, null, null, null, null, null);
	}

	public boolean isEmpty() {
		return this.equals(none());
	}

	private static @Nullable String clean(@Nullable String value, int maxLength) {
		return TypedText.cleaned(value, maxLength);
	}

}
