package com.focusedroom.scoring;

/**
 * One statement of the inventory.
 *
 * @param position 1-based place in the order of presentation
 * @param id the stable id of the item in the source data
 * @param text the English statement
 * @param facet the facet it measures
 * @param reversed whether it is minus-keyed: agreeing lowers the facet score
 */
public record Item(int position, String id, String text, Facet facet, boolean reversed) {

	/** The item's contribution to its facet, 1 to 5, keying applied. */
	int score(int answer) {
		return this.reversed ? 6 - answer : answer;
	}

}
