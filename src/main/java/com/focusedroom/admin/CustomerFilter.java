package com.focusedroom.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.shared.TypedText;

import org.jspecify.annotations.Nullable;

/**
 * The admin's search and filters over customers, turned into a SQL {@code WHERE} clause
 * with bound parameters (never concatenated input).
 *
 * @param query a complete email address (normalised: trimmed, lower-case), or text found
 * in the email, the name or the profession; {@code null} for any
 * @param channel the first channel's id, or {@code null}
 * @param optIn whether they agreed to hear from us, or {@code null} for both
 * @param careerStage the career stage, or {@code null}
 */
record CustomerFilter(@Nullable String query, @Nullable Integer channel, @Nullable Boolean optIn,
		@Nullable CareerStage careerStage) {

	public CustomerFilter {
		// Cleaned as stored text is, so a control character is not searched for.
		query = TypedText.cleaned(query);
		query = (query != null) ? query.toLowerCase(Locale.ROOT) : null;
	}

	static CustomerFilter none() {
		return new CustomerFilter(null, null, null, null);
	}

	/** The same filter, limited to opted-in customers when no opt-in filter is set. */
	CustomerFilter optedInUnlessChosen() {
		return (this.optIn != null) ? this : new CustomerFilter(this.query, this.channel, true, this.careerStage);
	}

	/**
	 * The conditions on table alias {@code c}, starting with {@code WHERE} (or empty).
	 */
	String where() {
		List<String> conditions = new ArrayList<>();
		if (isCompleteEmail()) {
			conditions.add("c.email_id = :email");
		}
		else if (this.query != null) {
			conditions
				.add("(c.email_id LIKE :pattern OR lower(c.name) LIKE :pattern OR lower(c.profession) LIKE :pattern)");
		}
		if (this.channel != null) {
			conditions.add("c.channel_id = :channel");
		}
		if (this.optIn != null) {
			conditions.add("c.opt_in = :optIn");
		}
		if (this.careerStage != null) {
			conditions.add("c.career_stage = :careerStage");
		}
		return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
	}

	Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (isCompleteEmail()) {
			parameters.put("email", this.query);
		}
		else if (this.query != null) {
			parameters.put("pattern", "%" + escapeLike(this.query) + "%");
		}
		if (this.channel != null) {
			parameters.put("channel", this.channel);
		}
		if (this.optIn != null) {
			parameters.put("optIn", this.optIn);
		}
		if (this.careerStage != null) {
			parameters.put("careerStage", this.careerStage.code());
		}
		return parameters;
	}

	/**
	 * A complete email address finds exactly that customer, through the unique key; part
	 * of an address, a name or a profession finds every customer that contains it.
	 */
	boolean isCompleteEmail() {
		return this.query != null && EmailAddress.isValid(this.query);
	}

	/**
	 * LIKE treats % and _ as wildcards and \ as escape: a search for "a_b" means "a_b".
	 */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
