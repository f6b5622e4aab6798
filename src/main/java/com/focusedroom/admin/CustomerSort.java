package com.focusedroom.admin;

import java.util.Arrays;

/**
 * The orders the customer list offers; each is backed by an index (see V5).
 */
enum CustomerSort {

	NEWEST("newest", "Newest first", "c.create_dt DESC, c.customer_id DESC"),
	OLDEST("oldest", "Oldest first", "c.create_dt, c.customer_id"), EMAIL("email", "Email A-Z", "c.email_id"),
	NAME("name", "Name A-Z", "lower(c.name), c.customer_id");

	private final String code;

	private final String label;

	private final String orderBy;

	CustomerSort(String code, String label, String orderBy) {
		this.code = code;
		this.label = label;
		this.orderBy = orderBy;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** The ORDER BY list on columns of alias {@code c}. */
	String orderBy() {
		return this.orderBy;
	}

	static CustomerSort ofCode(String code) {
		return Arrays.stream(values()).filter((sort) -> sort.code.equals(code)).findFirst().orElse(NEWEST);
	}

}
