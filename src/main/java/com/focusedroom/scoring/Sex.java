package com.focusedroom.scoring;

/**
 * The two groups the published IPIP-NEO-120 norms are split by.
 */
public enum Sex {

	FEMALE("women"), MALE("men");

	private final String plural;

	Sex(String plural) {
		this.plural = plural;
	}

	/** How a report names the group: "women", "men". */
	public String plural() {
		return this.plural;
	}

}
