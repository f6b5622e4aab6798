package com.focusedroom.scoring;

/**
 * Facts about a scale code that follow from the inventory's layout: a domain has 24
 * items, a facet 4.
 */
final class Scale {

	static final int DOMAIN_ITEMS = 24;

	static final int FACET_ITEMS = 4;

	private Scale() {
	}

	static boolean isDomain(String scale) {
		return scale.length() == 1;
	}

	static int items(String scale) {
		return isDomain(scale) ? DOMAIN_ITEMS : FACET_ITEMS;
	}

	/** A raw score on the 0-100 scale, one decimal. */
	static double toHundred(double raw, int items) {
		int min = items * Inventory.MIN_ANSWER;
		int max = items * Inventory.MAX_ANSWER;
		return Math.round((raw - min) * 1000.0 / (max - min)) / 10.0;
	}

	/** A raw difference on the 0-100 scale (not rounded). */
	static double differenceToHundred(double rawDifference, int items) {
		return rawDifference * 100.0 / (items * (Inventory.MAX_ANSWER - Inventory.MIN_ANSWER));
	}

}
