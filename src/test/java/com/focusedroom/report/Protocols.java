package com.focusedroom.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Facet;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;

/**
 * Answer sheets for report tests: careful answers from the latent trait model of the
 * scoring tests ({@code scoring.Responders}, docs/decisions/0007), optionally with chosen
 * domain levels, and uniformly random ones.
 */
final class Protocols {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	private Protocols() {
	}

	/** Careful answers of a random person. */
	static List<Integer> careful(Random random) {
		return careful(random, Map.of());
	}

	/**
	 * Careful answers of a person whose latent domain levels (standard units) are as
	 * given, random for the others.
	 * @param levels for example {@code Map.of("C", -2.0)}
	 */
	static List<Integer> careful(Random random, Map<String, Double> levels) {
		Map<Domain, Double> domainLevels = new HashMap<>();
		for (Domain domain : Domain.values()) {
			double drawn = random.nextGaussian();
			domainLevels.put(domain, levels.getOrDefault(domain.code(), drawn));
		}
		Map<Facet, Double> facetLevels = new HashMap<>();
		for (Facet facet : INVENTORY.facets()) {
			double spread = levels.containsKey(facet.domain().code()) ? 0.3 : Math.sqrt(1 - 0.49);
			facetLevels.put(facet,
					0.7 * domainLevels.get(facet.domain())
							+ (levels.containsKey(facet.domain().code()) ? 0.3 * domainLevels.get(facet.domain()) : 0)
							+ spread * random.nextGaussian());
		}
		double bias = 0.25 * random.nextGaussian();
		List<Integer> answers = new ArrayList<>();
		for (Item item : INVENTORY.items()) {
			double level = facetLevels.get(item.facet());
			double answer = 3 + bias + (item.reversed() ? -level : level) + 1.2 * random.nextGaussian();
			answers.add((int) Math.max(1, Math.min(5, Math.round(answer))));
		}
		return answers;
	}

	/**
	 * Careful answers with chosen domain levels that pass the careless-answering check:
	 * the first such sheet from the seed on (about 1 in 140 careful sheets is flagged).
	 */
	static List<Integer> valid(long seed, Map<String, Double> levels) {
		for (long s = seed;; s++) {
			List<Integer> answers = careful(new Random(s), levels);
			if (!com.focusedroom.scoring.Validity.of(answers, null).likelyInvalid()) {
				return answers;
			}
		}
	}

	static List<Integer> uniform(Random random) {
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < INVENTORY.size(); i++) {
			answers.add(1 + random.nextInt(5));
		}
		return answers;
	}

}
