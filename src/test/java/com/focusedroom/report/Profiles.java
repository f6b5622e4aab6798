package com.focusedroom.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;

/**
 * Scores for tests, made by answering the real inventory: every item of a facet gets the
 * same keyed score, 3 unless set.
 */
final class Profiles {

	private Profiles() {
	}

	/**
	 * @param settings for example {@code "C5=1,O=5"}: a facet code sets that facet, a
	 * domain letter all six of its facets; 1 and 2 give a low, 3 an average, 4 and 5 a
	 * high score
	 */
	static Scores scores(String settings) {
		Map<String, Integer> facets = new HashMap<>();
		Map<String, Integer> domains = new HashMap<>();
		if (!settings.isBlank()) {
			for (String setting : settings.split(",")) {
				String[] parts = setting.trim().split("=");
				((parts[0].length() == 1) ? domains : facets).put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		List<Integer> answers = Inventory.ipipNeo120().items().stream().map((Item item) -> {
			int keyed = facets.getOrDefault(item.facet().code(), domains.getOrDefault(item.facet().domain().code(), 3));
			return item.reversed() ? 6 - keyed : keyed;
		}).toList();
		return new Scorer(Inventory.ipipNeo120()).score(answers);
	}

}
