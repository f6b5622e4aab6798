package com.focusedroom.scoring;

/**
 * One of the 30 IPIP-NEO facets: six per domain, numbered 1 to 6 within it.
 *
 * @param domain the domain the facet belongs to
 * @param number 1 to 6
 * @param name the facet's name (Johnson 2014)
 */
public record Facet(Domain domain, int number, String name) {

	// Codes built once: a submission asks for them hundreds of times.
	private static final String[][] CODES = codes();

	/** The code used in stored scores, for example {@code N1}. */
	public String code() {
		return (this.number >= 1 && this.number <= 6) ? CODES[this.domain.ordinal()][this.number - 1]
				: this.domain.code() + this.number;
	}

	// A record's generated hashCode goes through method handles and hashes the name too;
	// a facet is a map key in every submission's scoring (equality stays the record's).
	@Override
	public int hashCode() {
		return this.domain.ordinal() * 31 + this.number;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Facet facet && facet.domain == this.domain && facet.number == this.number
				&& facet.name.equals(this.name);
	}

	private static String[][] codes() {
		String[][] codes = new String[Domain.values().length][6];
		for (Domain domain : Domain.values()) {
			for (int number = 1; number <= 6; number++) {
				codes[domain.ordinal()][number - 1] = domain.code() + number;
			}
		}
		return codes;
	}

}
