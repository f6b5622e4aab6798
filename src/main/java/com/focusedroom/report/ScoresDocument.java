package com.focusedroom.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Facet;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.Scores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON kept in {@code big_five_result.scores}: the five domain scores (0-100) at the
 * top level under their letters, so that SQL and the API read them as
 * {@code scores->>'O'}, and the full detail under {@code domains}.
 */
final class ScoresDocument {

	private final JsonMapper json;

	ScoresDocument(JsonMapper json) {
		this.json = json;
	}

	String write(Scores scores) {
		ObjectNode root = this.json.createObjectNode();
		root.put("inventory", Inventory.ID);
		root.put("scale", "0-100");
		for (Scores.DomainScore domain : scores.domains()) {
			root.put(domain.domain().code(), domain.score());
		}
		ObjectNode domains = root.putObject("domains");
		for (Scores.DomainScore domain : scores.domains()) {
			ObjectNode node = domains.putObject(domain.domain().code());
			node.put("raw", domain.raw());
			node.put("score", domain.score());
			node.put("level", domain.level().name().toLowerCase(Locale.ROOT));
			ObjectNode facets = node.putObject("facets");
			for (Scores.FacetScore facet : domain.facets()) {
				ObjectNode facetNode = facets.putObject(facet.facet().code());
				facetNode.put("name", facet.facet().name());
				facetNode.put("raw", facet.raw());
				facetNode.put("score", facet.score());
				facetNode.put("level", facet.level().name().toLowerCase(Locale.ROOT));
			}
		}
		return this.json.writeValueAsString(root);
	}

	/**
	 * The scores as they were stored, or empty for a result whose JSON is not complete in
	 * this shape (imported from the legacy database, which kept its own, or written by
	 * hand): a report then shows its suggestions only, never a half-read profile.
	 */
	Optional<Scores> read(String document) {
		JsonNode domains = this.json.readTree(document).path("domains");
		List<Scores.DomainScore> scores = new ArrayList<>();
		for (Domain domain : Domain.values()) {
			JsonNode node = domains.path(domain.code());
			List<Scores.FacetScore> facets = new ArrayList<>();
			for (Facet facet : Inventory.ipipNeo120().facetsOf(domain)) {
				JsonNode value = node.path("facets").path(facet.code());
				if (!complete(value, 4, 20)) {
					return Optional.empty();
				}
				facets.add(new Scores.FacetScore(facet, value.path("raw").asInt(), value.path("score").asDouble(),
						level(value)));
			}
			if (!complete(node, 24, 120)) {
				return Optional.empty();
			}
			scores.add(new Scores.DomainScore(domain, node.path("raw").asInt(), node.path("score").asDouble(),
					level(node), facets));
		}
		return Optional.of(new Scores(scores));
	}

	private static boolean complete(JsonNode node, int minRaw, int maxRaw) {
		JsonNode raw = node.path("raw");
		JsonNode score = node.path("score");
		String level = node.path("level").asString("");
		return raw.isIntegralNumber() && raw.asInt() >= minRaw && raw.asInt() <= maxRaw && score.isNumber()
				&& score.asDouble() >= 0 && score.asDouble() <= 100
				&& Arrays.stream(Level.values()).anyMatch((known) -> known.name().equalsIgnoreCase(level));
	}

	private static Level level(JsonNode node) {
		return Level.valueOf(node.path("level").asString().toUpperCase(Locale.ROOT));
	}

}
