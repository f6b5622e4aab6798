package com.focusedroom.scoring;

/**
 * One of the 30 IPIP-NEO facets: six per domain, numbered 1 to 6 within it.
 *
 * @param domain the domain the facet belongs to
 * @param number 1 to 6
 * @param name the facet's name (Johnson 2014)
 */
public record Facet(Domain domain, int number, String name) {

	/** The code used in stored scores, for example {@code N1}. */
	public String code() {
		return this.domain.code() + this.number;
	}

}
