package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a complete set of answers: each item's answer, reversed for minus-keyed items,
 * is summed per facet and per domain, then put on a 0-100 scale between the lowest and
 * the highest possible sum.
 */
public final class Scorer {

	private final Inventory inventory;

	public Scorer(Inventory inventory) {
		this.inventory = inventory;
	}

	/**
	 * @param answers one answer per item, in the inventory's order, each 1 to 5
	 * @throws IllegalArgumentException if an answer is missing or out of range
	 */
	public Scores score(List<Integer> answers) {
		checkComplete(answers);
		Map<Facet, Integer> facetRaw = new LinkedHashMap<>();
		for (Item item : this.inventory.items()) {
			int answer = answers.get(item.position() - 1);
			facetRaw.merge(item.facet(), item.score(answer), Integer::sum);
		}
		List<Scores.DomainScore> domains = new ArrayList<>();
		for (Domain domain : Domain.values()) {
			domains.add(domainScore(domain, facetRaw));
		}
		return new Scores(domains);
	}

	@SuppressWarnings("deprecation") // the raw-scale level is kept in Scores for stored
										// results
	private Scores.DomainScore domainScore(Domain domain, Map<Facet, Integer> facetRaw) {
		List<Scores.FacetScore> facets = new ArrayList<>();
		int domainRaw = 0;
		int domainItems = 0;
		for (Facet facet : this.inventory.facetsOf(domain)) {
			int items = itemCount(facet);
			int raw = facetRaw.getOrDefault(facet, 0);
			double score = scale(raw, items);
			facets.add(new Scores.FacetScore(facet, raw, score, Level.of(score)));
			domainRaw += raw;
			domainItems += items;
		}
		double score = scale(domainRaw, domainItems);
		return new Scores.DomainScore(domain, domainRaw, score, Level.of(score), facets);
	}

	private int itemCount(Facet facet) {
		return this.inventory.itemsOf(facet).size();
	}

	/** 0 at the lowest possible sum, 100 at the highest, rounded to one decimal. */
	static double scale(int raw, int items) {
		int min = items * Inventory.MIN_ANSWER;
		int max = items * Inventory.MAX_ANSWER;
		return Math.round((raw - min) * 1000.0 / (max - min)) / 10.0;
	}

	private void checkComplete(List<Integer> answers) {
		if (answers == null || answers.size() != this.inventory.size()) {
			throw new IllegalArgumentException("Expected " + this.inventory.size() + " answers but got "
					+ ((answers != null) ? answers.size() : 0));
		}
		for (int i = 0; i < answers.size(); i++) {
			Integer answer = answers.get(i);
			if (answer == null || answer < Inventory.MIN_ANSWER || answer > Inventory.MAX_ANSWER) {
				throw new IllegalArgumentException("Answer " + (i + 1) + " must be 1 to 5 but was " + answer);
			}
		}
	}

}
