package com.focusedroom.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's answer, as JSON, for thousands of random protocols, ages and missing ages: no
 * level is high below the 50th percentile nor low above it, every band holds its score,
 * and the contract's fields keep their meaning.
 */
class ScoresBodyPropertyTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theLevelsFollowThePercentilesAndTheBandsHoldTheScores() {
		Random random = new Random(21);
		for (int i = 0; i < 3000; i++) {
			List<Integer> answers = new ArrayList<>();
			for (int item = 0; item < 120; item++) {
				answers.add(1 + random.nextInt(5));
			}
			Integer age = (random.nextInt(5) == 0) ? null : 13 + random.nextInt(80);
			Scores scores = new Scorer(Inventory.ipipNeo120()).score(answers);
			Map<String, Object> body = ScoresBody.scores(scores, NormedProfile.of(scores, age));
			JsonNode node = this.json.readTree(this.json.writeValueAsString(body));
			assertThat(node.path("normGroup").asString()).isEqualTo((age == null || age < 10) ? "people of all ages"
					: NormedProfile.of(scores, age).reference().label());
			int scales = 0;
			for (String domain : List.of("O", "C", "E", "A", "N")) {
				JsonNode d = node.path("domains").path(domain);
				assertThat(node.path(domain).asDouble()).as("the contract's 0-100 score")
					.isEqualTo(d.path("score").asDouble());
				check(domain, d);
				scales++;
				for (int f = 1; f <= 6; f++) {
					JsonNode facet = d.path("facets").path(domain + f);
					assertThat(node.path("facets").path(domain + f).asDouble())
						.isEqualTo(facet.path("score").asDouble());
					check(domain + f, facet);
					scales++;
				}
			}
			assertThat(scales).isEqualTo(35);
		}
	}

	@Test
	void theValidityOfAllThreesSaysWhy() {
		ScoresBody.ValidityBody validity = ScoresBody
			.validity(Validity.of(java.util.Collections.nCopies(120, 3), null));
		assertThat(validity.likelyInvalid()).isTrue();
		assertThat(validity.flags()).contains("midpoint");
		assertThat(validity.reasons()).hasSameSizeAs(validity.flags());
	}

	private static void check(String code, JsonNode scale) {
		int percentile = scale.path("percentile").asInt();
		String level = scale.path("level").asString();
		if (level.endsWith("high")) {
			assertThat(percentile).as("%s %s", code, level).isGreaterThan(50);
		}
		if (level.endsWith("low")) {
			assertThat(percentile).as("%s %s", code, level).isLessThan(50);
		}
		JsonNode band = scale.path("band");
		assertThat(percentile).isBetween(band.path("percentileLow").asInt(), band.path("percentileHigh").asInt());
		assertThat(scale.path("score").asDouble()).isBetween(band.path("low").asDouble(), band.path("high").asDouble());
		assertThat(scale.path("normGroup").asString()).isNotBlank();
	}

}
