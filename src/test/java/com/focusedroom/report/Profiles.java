package com.focusedroom.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.focusedroom.scoring.Facet;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import com.focusedroom.scoring.NormReference;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.Norms;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;

/**
 * Profiles for tests, made by answering the real inventory so that each facet lands where
 * it is asked to among people aged 21 to 40 (the norm group of {@link #AGE}): every facet
 * at the middle of that group unless set.
 */
final class Profiles {

	/** The age the normed profiles of these tests are for. */
	static final int AGE = 36;

	private static final NormReference GROUP = NormReference.forAge(Norms.johnson2014(), AGE);

	private Profiles() {
	}

	/** The normed profile of {@link #answers(String)} for {@link #AGE}. */
	static NormedProfile normed(String settings) {
		return NormedProfile.of(scores(settings), AGE);
	}

	static Scores scores(String settings) {
		return new Scorer(Inventory.ipipNeo120()).score(answers(settings));
	}

	/**
	 * @param settings for example {@code "C5=1,O=5"}: a facet code sets that facet, a
	 * domain letter all six of its facets; 1 puts the facet about 2 standard deviations
	 * below the middle of the norm group (very low), 2 one below (low), 3 at the middle,
	 * 4 one above (high), 5 two above (very high), as near as a whole raw score gets
	 */
	static List<Integer> answers(String settings) {
		Map<String, Integer> facets = new HashMap<>();
		Map<String, Integer> domains = new HashMap<>();
		if (!settings.isBlank()) {
			for (String setting : settings.split(",")) {
				String[] parts = setting.trim().split("=");
				((parts[0].length() == 1) ? domains : facets).put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		Map<String, List<Integer>> keyed = new HashMap<>();
		for (Facet facet : Inventory.ipipNeo120().facets()) {
			int setting = facets.getOrDefault(facet.code(), domains.getOrDefault(facet.domain().code(), 3));
			keyed.put(facet.code(), split(rawAt(facet.code(), setting - 3.0)));
		}
		Map<String, Integer> used = new HashMap<>();
		List<Integer> answers = new ArrayList<>();
		for (Item item : Inventory.ipipNeo120().items()) {
			String code = item.facet().code();
			int index = used.merge(code, 1, Integer::sum) - 1;
			int value = keyed.get(code).get(index);
			answers.add(item.reversed() ? 6 - value : value);
		}
		return answers;
	}

	/** The whole raw facet score nearest to a normed position. */
	static int rawAt(String facet, double z) {
		int best = 4;
		for (int raw = 4; raw <= 20; raw++) {
			if (Math.abs(GROUP.z(facet, raw) - z) < Math.abs(GROUP.z(facet, best) - z)) {
				best = raw;
			}
		}
		return best;
	}

	/** Four keyed answers 1 to 5 that sum to a raw score. */
	private static List<Integer> split(int raw) {
		List<Integer> parts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			parts.add(raw / 4 + ((i < raw % 4) ? 1 : 0));
		}
		return parts;
	}

}
