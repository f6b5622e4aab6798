package com.focusedroom.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Inventory;
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
			node.put("level", domain.level().name().toLowerCase(java.util.Locale.ROOT));
			ObjectNode facets = node.putObject("facets");
			for (Scores.FacetScore facet : domain.facets()) {
				ObjectNode facetNode = facets.putObject(facet.facet().code());
				facetNode.put("name", facet.facet().name());
				facetNode.put("raw", facet.raw());
				facetNode.put("score", facet.score());
				facetNode.put("level", facet.level().name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return this.json.writeValueAsString(root);
	}

	/**
	 * The scores to show, or empty for a result whose JSON is not in this shape (imported
	 * from the legacy database, which kept its own).
	 */
	Optional<List<ShownDomain>> read(String document) {
		JsonNode domains = this.json.readTree(document).path("domains");
		if (!domains.isObject()) {
			return Optional.empty();
		}
		List<ShownDomain> shown = new ArrayList<>();
		for (Domain domain : Domain.values()) {
			JsonNode node = domains.path(domain.code());
			List<ShownFacet> facets = new ArrayList<>();
			for (var facet : node.path("facets").properties()) {
				JsonNode value = facet.getValue();
				facets.add(new ShownFacet(value.path("name").asString(), value.path("score").asDouble(),
						value.path("level").asString()));
			}
			shown.add(new ShownDomain(domain.code(), domain.displayName(), node.path("score").asDouble(),
					node.path("level").asString(), facets));
		}
		return Optional.of(shown);
	}

	record ShownDomain(String code, String name, double score, String level, List<ShownFacet> facets) {

	}

	record ShownFacet(String name, double score, String level) {

	}

}
