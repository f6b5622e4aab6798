package com.focusedroom.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.focusedroom.assessment.Assessments;
import com.focusedroom.channel.Attribution;
import com.focusedroom.consent.ConsentAge;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Inventory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A test submitted by the mobile app, read strictly from the request's JSON: every field
 * must have its JSON type (no strings for numbers, no fractions for whole numbers), and
 * every bad field is reported at once, by name. Unknown fields are ignored, so older app
 * versions keep working when we add fields.
 *
 * @param email the normalised email
 * @param demographics the optional facts about the person
 * @param newsletter the newsletter checkbox
 * @param answers the 120 answers, 1 to 5
 * @param attribution the campaign the app install or link came from
 * @param language the language the app showed the statements in, one of the offered ones
 * ({@code en} when not sent)
 * @param secondsTaken how long answering took, or null when not sent
 */
record ApiSubmission(EmailAddress email, Demographics demographics, NewsletterChoice newsletter, List<Integer> answers,
		Attribution attribution, String language, @Nullable Integer secondsTaken) {

	/** The language when none is sent: what {@code GET /api/v1/big-five/items} shows. */
	static final String DEFAULT_LANGUAGE = "en";

	/** Longest career stage or goal code looked at; every code is shorter. */
	private static final int MAX_CODE_LENGTH = 40;

	/**
	 * Reads a submission.
	 * @param body the parsed request body
	 * @param minimumConsentAge below this age, {@code optIn: true} is refused
	 * @param languages the codes of the offered languages
	 * @throws InvalidRequestException naming every bad field
	 */
	static ApiSubmission read(JsonNode body, int minimumConsentAge, List<String> languages) {
		ConsentAge consentAge = new ConsentAge(minimumConsentAge);
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException(
					List.of(new FieldProblem("$", "The request body must be a JSON object with the test's fields.")));
		}
		Reader reader = new Reader(body);
		String email = reader.text("email", EmailAddress.MAX_LENGTH, true);
		if (email != null && !EmailAddress.isValid(email)) {
			reader.problem("email", "Enter an email address like name@example.com.");
		}
		String name = reader.text("name", Demographics.MAX_TEXT_LENGTH, false);
		Integer age = reader.age();
		String career = reader.text("career", Demographics.MAX_TEXT_LENGTH, false);
		CareerStage careerStage = reader.choice("careerStage", CareerStage.values(), CareerStage::code);
		PrimaryGoal primaryGoal = reader.choice("primaryGoal", PrimaryGoal.values(), PrimaryGoal::code);
		boolean optIn = reader.bool("optIn");
		String consentVersion = reader.text("consentVersion", Consents.MAX_VERSION_LENGTH, false);
		if (consentAge.refuses(optIn, age)) {
			reader.problem("optIn", consentAge.rule() + " Send optIn false or leave it out.");
		}
		List<Integer> answers = reader.answers();
		Attribution attribution = reader.attribution();
		String language = reader.language(languages);
		Integer secondsTaken = reader.secondsTaken();
		if (!reader.problems.isEmpty()) {
			throw new InvalidRequestException(reader.problems);
		}
		return new ApiSubmission(EmailAddress.of(email), new Demographics(name, age, career, careerStage, primaryGoal),
				new NewsletterChoice(optIn, consentVersion), answers, attribution, language, secondsTaken);
	}

	private static final class Reader {

		private final JsonNode body;

		private final List<FieldProblem> problems = new ArrayList<>();

		Reader(JsonNode body) {
			this.body = body;
		}

		void problem(String field, String message) {
			this.problems.add(new FieldProblem(field, message));
		}

		private Optional<JsonNode> present(JsonNode node, String field) {
			JsonNode value = node.get(field);
			return (value == null || value.isNull()) ? Optional.empty() : Optional.of(value);
		}

		String text(String field, int maxLength, boolean required) {
			return text(this.body, field, field, maxLength, required);
		}

		String text(JsonNode node, String field, String path, int maxLength, boolean required) {
			Optional<JsonNode> value = present(node, field);
			if (value.isEmpty() || (value.get().isString() && value.get().stringValue().isBlank())) {
				if (required) {
					problem(path, "This field is required.");
				}
				return null;
			}
			if (!value.get().isString()) {
				problem(path, "Must be a string.");
				return null;
			}
			String text = value.get().stringValue();
			if (text.length() > maxLength) {
				problem(path, "Must have at most " + maxLength + " characters.");
				return null;
			}
			return text;
		}

		Integer age() {
			Optional<JsonNode> value = present(this.body, "age");
			if (value.isEmpty()) {
				return null;
			}
			if (!value.get().isIntegralNumber() || !value.get().canConvertToInt()) {
				problem("age", "Must be a whole number of years.");
				return null;
			}
			int age = value.get().intValue();
			if (age < Demographics.MIN_AGE || age > Demographics.MAX_AGE) {
				problem("age", "Must be between " + Demographics.MIN_AGE + " and " + Demographics.MAX_AGE + ".");
				return null;
			}
			return age;
		}

		String language(List<String> offered) {
			String given = text("language", MAX_CODE_LENGTH, false);
			if (given == null) {
				return DEFAULT_LANGUAGE;
			}
			String wanted = given.strip().toLowerCase(Locale.ROOT);
			if (!offered.contains(wanted)) {
				problem("language", "Must be one of the languages the statements are offered in: " + offered + ".");
				return DEFAULT_LANGUAGE;
			}
			return wanted;
		}

		@Nullable Integer secondsTaken() {
			Optional<JsonNode> value = present(this.body, "secondsTaken");
			if (value.isEmpty()) {
				return null;
			}
			if (!value.get().isIntegralNumber() || !value.get().canConvertToInt() || value.get().intValue() < 0
					|| value.get().intValue() > Assessments.MAX_SECONDS_TAKEN) {
				problem("secondsTaken", "Must be a whole number of seconds from 0 to " + Assessments.MAX_SECONDS_TAKEN
						+ " (a day); leave it out when the time is not known.");
				return null;
			}
			return value.get().intValue();
		}

		<E extends Enum<E>> E choice(String field, E[] values, Function<E, String> code) {
			String given = text(field, MAX_CODE_LENGTH, false);
			if (given == null) {
				return null;
			}
			String wanted = given.strip().toLowerCase(Locale.ROOT);
			for (E value : values) {
				if (code.apply(value).equals(wanted)) {
					return value;
				}
			}
			problem(field, "Must be one of " + Arrays.stream(values).map(code).toList() + ".");
			return null;
		}

		boolean bool(String field) {
			Optional<JsonNode> value = present(this.body, field);
			if (value.isEmpty()) {
				return false;
			}
			if (!value.get().isBoolean()) {
				problem(field, "Must be true or false.");
				return false;
			}
			return value.get().booleanValue();
		}

		List<Integer> answers() {
			Optional<JsonNode> value = present(this.body, "answers");
			int size = Inventory.ipipNeo120().size();
			if (value.isEmpty()) {
				problem("answers", "This field is required: an array of the " + size + " answers, each 1 to 5.");
				return null;
			}
			if (!value.get().isArray()) {
				problem("answers", "Must be an array of the " + size + " answers, each 1 to 5.");
				return null;
			}
			JsonNode array = value.get();
			if (array.size() != size) {
				problem("answers",
						"Must have exactly " + size + " answers, one per item in order; got " + array.size() + ".");
				return null;
			}
			List<Integer> answers = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				JsonNode answer = array.get(i);
				if (answer.isIntegralNumber() && answer.canConvertToInt() && answer.intValue() >= Inventory.MIN_ANSWER
						&& answer.intValue() <= Inventory.MAX_ANSWER) {
					answers.add(answer.intValue());
				}
				else {
					problem("answers[" + i + "]", "Must be a whole number from " + Inventory.MIN_ANSWER + " to "
							+ Inventory.MAX_ANSWER + ".");
				}
			}
			return answers;
		}

		Attribution attribution() {
			Optional<JsonNode> value = present(this.body, "attribution");
			if (value.isEmpty()) {
				return Attribution.none();
			}
			if (!value.get().isObject()) {
				problem("attribution", "Must be an object such as {\"utmSource\": \"newsletter\"}.");
				return Attribution.none();
			}
			JsonNode node = value.get();
			List<String> parts = new ArrayList<>();
			for (String field : List.of("utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent")) {
				parts.add(text(node, field, "attribution." + field, Attribution.MAX_UTM_LENGTH, false));
			}
			parts.add(text(node, "referrer", "attribution.referrer", Attribution.MAX_REFERRER_LENGTH, false));
			return new Attribution(parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(4), parts.get(5));
		}

	}

}
