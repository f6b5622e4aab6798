package com.focusedroom.consent;

import com.focusedroom.channel.Channel;

/**
 * Where a consent event happened; the codes are stored in {@code consent_event.source}
 * and checked by the database.
 */
public enum ConsentSource {

	WEB_FORM("web_form"), EBOOK_FORM("ebook_form"), API("api"), UNSUBSCRIBE_LINK("unsubscribe_link"), ADMIN("admin");

	private final String code;

	ConsentSource(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/** The form or interface a channel's visitors use. */
	public static ConsentSource of(Channel channel) {
		return switch (channel) {
			case BIG_FIVE_TEST -> WEB_FORM;
			case EBOOK_DOWNLOAD -> EBOOK_FORM;
			case MOBILE_APP -> API;
		};
	}

}
