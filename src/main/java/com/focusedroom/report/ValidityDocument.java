package com.focusedroom.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON kept in {@code big_five_result.validity}: every check's index, limit and
 * whether it was flagged, by the check's code, and the overall verdict, so that SQL reads
 * {@code validity->>'likelyInvalid'} and {@code validity->'checks'->'speed'}. An index
 * that cannot be computed (a correlation over answers that never vary) is {@code null}.
 * The plain-words findings are not stored: they are written again from the answers when
 * the result is read.
 */
final class ValidityDocument {

	/** How the stored checks came about. */
	enum Source {

		/** At submission, with the time when one was known. */
		SUBMISSION("submission"),

		/** Later, from the answers stored before V7 (the time was never recorded). */
		STORED_ANSWERS("stored-answers"),

		/** Again after a translation fix changed the stored answers. */
		RESCORED("rescored");

		private final String code;

		Source(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	private final JsonMapper json;

	ValidityDocument(JsonMapper json) {
		this.json = json;
	}

	String write(Validity validity, Source source) {
		ObjectNode root = this.json.createObjectNode();
		root.put("likelyInvalid", validity.likelyInvalid());
		root.put("source", source.code());
		root.put("timed", validity.check(Validity.Kind.SPEED).isPresent());
		ObjectNode checks = root.putObject("checks");
		for (Validity.Check check : validity.checks()) {
			ObjectNode node = checks.putObject(check.kind().code());
			if (Double.isNaN(check.observed()) || Double.isInfinite(check.observed())) {
				node.putNull("index");
			}
			else {
				node.put("index", check.observed());
			}
			node.put("limit", check.limit());
			node.put("flagged", check.flagged());
		}
		return this.json.writeValueAsString(root);
	}

	/**
	 * The stored checks, with their findings from the same answers computed again: the
	 * stored index, limit and flag win, so a report says what was decided when it was
	 * stored even if a later version changes a limit.
	 * @param document the stored JSON, or null when none was stored
	 * @param recomputed the checks computed now from the stored answers and time
	 */
	Validity read(@Nullable String document, Validity recomputed) {
		if (document == null) {
			return recomputed;
		}
		JsonNode checks = this.json.readTree(document).path("checks");
		if (!checks.isObject()) {
			return recomputed;
		}
		List<Validity.Check> stored = new ArrayList<>();
		for (Validity.Kind kind : Validity.Kind.values()) {
			JsonNode node = checks.path(kind.code());
			if (!node.isObject()) {
				continue;
			}
			Optional<Validity.Check> again = recomputed.check(kind);
			double index = node.path("index").isNumber() ? node.path("index").asDouble() : Double.NaN;
			String finding = again.map(Validity.Check::finding).orElse(kind.title() + ".");
			stored.add(new Validity.Check(kind, index, node.path("limit").asDouble(), node.path("flagged").asBoolean(),
					finding));
		}
		return new Validity(stored);
	}

}
