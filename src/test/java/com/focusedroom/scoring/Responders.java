package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Answer sheets for tests: careful answers from a latent trait model, and careless ones.
 * <p>
 * The careful model: each domain has a latent level η ~ N(0, 1); each facet's level is θ
 * = 0.7 η + 0.71 ε (facets of a domain correlate about .5); the person has an answering
 * bias b ~ N(0, 0.25); an item's answer is 3 + b ± θ + e, e ~ N(0, 0.8), rounded and kept
 * within 1 to 5, with + for plus-keyed and - for minus-keyed items. The noise makes facet
 * alphas of about .6 to .7, as reported for the IPIP-NEO-120.
 */
public final class Responders {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	static final double NOISE = 1.2;

	private Responders() {
	}

	public static List<Integer> careful(Random random) {
		Map<Domain, Double> domainLevels = new HashMap<>();
		for (Domain domain : Domain.values()) {
			domainLevels.put(domain, random.nextGaussian());
		}
		Map<Facet, Double> facetLevels = new HashMap<>();
		for (Facet facet : INVENTORY.facets()) {
			facetLevels.put(facet,
					0.7 * domainLevels.get(facet.domain()) + Math.sqrt(1 - 0.49) * random.nextGaussian());
		}
		double bias = 0.25 * random.nextGaussian();
		List<Integer> answers = new ArrayList<>();
		for (Item item : INVENTORY.items()) {
			double level = facetLevels.get(item.facet());
			double answer = 3 + bias + (item.reversed() ? -level : level) + NOISE * random.nextGaussian();
			answers.add((int) Math.max(1, Math.min(5, Math.round(answer))));
		}
		return answers;
	}

	public static List<Integer> uniform(Random random) {
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < INVENTORY.size(); i++) {
			answers.add(1 + random.nextInt(5));
		}
		return answers;
	}

	public static List<Integer> same(int answer) {
		return java.util.Collections.nCopies(INVENTORY.size(), answer);
	}

	public static List<Integer> alternating(int first, int second) {
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < INVENTORY.size(); i++) {
			answers.add((i % 2 == 0) ? first : second);
		}
		return answers;
	}

}
