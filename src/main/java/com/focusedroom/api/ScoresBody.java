package com.focusedroom.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.focusedroom.scoring.Band;
import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.NormedScore;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;

/**
 * The {@code scores} and {@code validity} of the API's answer to a submitted test. The
 * contract's fields (the five letters on 0-100, {@code scale}, {@code facets} as numbers)
 * keep their meaning; the normed detail is added beside them ({@code normGroup},
 * {@code domains}), so old apps keep working and new ones read what the report page says:
 * per domain and facet the percentile among the norm group, the level word from it and
 * the 90 % band.
 */
final class ScoresBody {

	private ScoresBody() {
	}

	static Map<String, Object> scores(Scores scores, NormedProfile profile) {
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Double> facets = new LinkedHashMap<>();
		for (Scores.DomainScore domain : scores.domains()) {
			body.put(domain.domain().code(), domain.score());
			for (Scores.FacetScore facet : domain.facets()) {
				facets.put(facet.facet().code(), facet.score());
			}
		}
		body.put("scale", "0-100");
		body.put("facets", facets);
		String group = profile.reference().label();
		body.put("normGroup", group);
		body.put("normGroupAllAges", profile.reference().pooled());
		Map<String, Object> domains = new LinkedHashMap<>();
		for (NormedScore domain : profile.domains()) {
			Map<String, Object> node = normed(domain, group);
			Map<String, Object> facetNodes = new LinkedHashMap<>();
			for (NormedScore facet : profile.facetsOf(Domain.ofCode(domain.scale()))) {
				Map<String, Object> facetNode = new LinkedHashMap<>();
				facetNode.put("name", facet.name());
				facetNode.putAll(normed(facet, group));
				facetNodes.put(facet.scale(), facetNode);
			}
			node.put("facets", facetNodes);
			domains.put(domain.scale(), node);
		}
		body.put("domains", domains);
		return body;
	}

	private static Map<String, Object> normed(NormedScore score, String group) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("score", score.score());
		node.put("percentile", score.percentile());
		node.put("level", score.level().code());
		node.put("normGroup", group);
		Band band = score.band();
		Map<String, Object> bandNode = new LinkedHashMap<>();
		bandNode.put("confidence", band.confidence());
		bandNode.put("low", band.scoreLow());
		bandNode.put("high", band.scoreHigh());
		bandNode.put("percentileLow", band.percentileLow());
		bandNode.put("percentileHigh", band.percentileHigh());
		node.put("band", bandNode);
		node.put("distinctive", score.distinctive());
		return node;
	}

	/**
	 * The careless-answering check of the submitted answers.
	 * @param validity the check
	 */
	static ValidityBody validity(Validity validity) {
		return new ValidityBody(true, validity.likelyInvalid(),
				validity.flagged().stream().map((check) -> check.kind().code()).toList(), validity.reasons());
	}

	/**
	 * @param checked whether the answers were checked (always, for a new test)
	 * @param likelyInvalid whether they look careless or invalid: then the report does
	 * not interpret the scores
	 * @param flags the codes of the flagged checks ("long-run", "opposites", ...)
	 * @param reasons what was seen, in plain words, one per flag
	 */
	record ValidityBody(boolean checked, boolean likelyInvalid, List<String> flags, List<String> reasons) {
	}

}
