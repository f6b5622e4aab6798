package com.focusedroom.channel;

/**
 * Where a customer or a test came from; the ids are the rows of {@code channel_details}.
 */
public enum Channel {

	BIG_FIVE_TEST(1, "Big Five Test"), EBOOK_DOWNLOAD(2, "eBook Download"), MOBILE_APP(3, "Mobile App");

	private final int id;

	private final String displayName;

	Channel(int id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	public int id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

}
