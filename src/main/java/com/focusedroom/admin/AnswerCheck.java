package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.focusedroom.scoring.Validity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a report's answers look careless or invalid, as the admin area shows it: read
 * from {@code big_five_result.validity} (the report module's document, a documented read
 * model), or for a result not checked yet computed from its stored answers.
 *
 * @param checked whether there were answers to check (legacy results have none)
 * @param flagged whether any check is flagged
 * @param reasons the flagged checks in short words with their index and limit
 */
record AnswerCheck(boolean checked, boolean flagged, List<String> reasons) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static AnswerCheck of(@Nullable String validity, @Nullable List<Integer> uncheckedAnswers,
			@Nullable Integer secondsTaken) {
		if (validity != null) {
			JsonNode root = JSON.readTree(validity);
			List<String> reasons = new ArrayList<>();
			for (Validity.Kind kind : Validity.Kind.values()) {
				JsonNode check = root.path("checks").path(kind.code());
				if (check.path("flagged").asBoolean(false)) {
					reasons
						.add(reason(kind, check.path("index").isNumber() ? check.path("index").asDouble() : Double.NaN,
								check.path("limit").asDouble()));
				}
			}
			return new AnswerCheck(true, root.path("likelyInvalid").asBoolean(false), List.copyOf(reasons));
		}
		if (uncheckedAnswers != null) {
			Validity computed = Validity.of(uncheckedAnswers, secondsTaken);
			return new AnswerCheck(true, computed.likelyInvalid(),
					computed.flagged().stream().map((c) -> reason(c.kind(), c.observed(), c.limit())).toList());
		}
		return new AnswerCheck(false, false, List.of());
	}

	/** The short text in the report list. */
	public String summary() {
		if (!this.checked) {
			return "Not checked";
		}
		return this.flagged ? "Looks careless" : "OK";
	}

	/** The reasons on one line, for the title (shown on hover). */
	public String detail() {
		if (!this.checked) {
			return "No answers stored (legacy result): nothing to check";
		}
		return this.flagged ? String.join("; ", this.reasons) : "No check flagged";
	}

	private static String reason(Validity.Kind kind, double index, double limit) {
		String value = Double.isNaN(index) ? "not computable" : number(index);
		return kind.title() + " (" + value + ", limit " + number(limit) + ")";
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
