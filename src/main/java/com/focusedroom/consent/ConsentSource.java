package com.focusedroom.consent;

import com.focusedroom.channel.Channel;

/**
 * Where a grant was given; the codes are stored in {@code consent_event.source} and
 * checked by the database (which also knows {@code unsubscribe_link}, written by the
 * withdrawal statement, and {@code admin}, kept for older rows).
 */
enum ConsentSource {

	WEB_FORM("web_form"), EBOOK_FORM("ebook_form"), API("api");

	private final String code;

	ConsentSource(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	/** The form or interface a channel's visitors use. */
	static ConsentSource of(Channel channel) {
		return switch (channel) {
			case BIG_FIVE_TEST -> WEB_FORM;
			case EBOOK_DOWNLOAD -> EBOOK_FORM;
			case MOBILE_APP -> API;
		};
	}

}
