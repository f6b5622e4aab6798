package com.focusedroom.scoring;

/**
 * The five Big Five domains, in the order a report shows them (OCEAN).
 */
public enum Domain {

	OPENNESS('O', "Openness to Experience"), CONSCIENTIOUSNESS('C', "Conscientiousness"),
	EXTRAVERSION('E', "Extraversion"), AGREEABLENESS('A', "Agreeableness"), NEUROTICISM('N', "Neuroticism");

	private final String code;

	private final String displayName;

	Domain(char code, String displayName) {
		this.code = String.valueOf(code);
		this.displayName = displayName;
	}

	/** The one-letter code used in the item data, the stored scores and the API. */
	public String code() {
		return this.code;
	}

	public String displayName() {
		return this.displayName;
	}

	public static Domain ofCode(String code) {
		for (Domain domain : values()) {
			if (domain.code().equals(code)) {
				return domain;
			}
		}
		throw new IllegalArgumentException("Unknown domain code " + code);
	}

}
