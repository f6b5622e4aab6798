package com.focusedroom.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The languages the test's statements can be shown in: English plus every translation in
 * {@code ipip/i18n/} that is complete for our inventory and not {@link #WITHDRAWN}. A
 * translation is complete when it has a text for each of the 120 items (matched by the
 * item's stable id, with the same domain, facet and keying as our inventory) and none of
 * those texts is still the English one. Only the display changes: answers are stored and
 * scored by item position, and the stored data keeps the English texts.
 */
final class ItemLanguages {

	static final String ENGLISH = "en";

	/** Our own wording of the English answer scale (the data capitalises every word). */
	private static final List<String> ENGLISH_CHOICES = List.of("Very inaccurate", "Moderately inaccurate",
			"Neither accurate nor inaccurate", "Moderately accurate", "Very accurate");

	/**
	 * Translations not offered although complete: the audit of every item against the
	 * English statement (ipip/SOURCES.md, "Translation audit") found too many statements
	 * that say something else (Urdu: 31 of 120; siSwati: a loose paraphrase with a
	 * reversed item and no voting items) to score anyone correctly, and no reviewer who
	 * could fix them with confidence.
	 */
	static final Set<String> WITHDRAWN = Set.of("ur", "ss");

	private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");

	private static final ItemLanguages STANDARD = load(Inventory.ipipNeo120());

	private final Map<String, Language> languages;

	private final List<Language> offered;

	private ItemLanguages(List<Language> offered) {
		this.offered = List.copyOf(offered);
		Map<String, Language> byCode = new HashMap<>();
		offered.forEach((language) -> byCode.put(language.code(), language));
		this.languages = Map.copyOf(byCode);
	}

	static ItemLanguages standard() {
		return STANDARD;
	}

	/** The languages offered, English first, then by name. */
	List<Language> offered() {
		return this.offered;
	}

	Optional<Language> byCode(@Nullable String code) {
		return Optional.ofNullable(code).map((c) -> this.languages.get(c.toLowerCase(Locale.ROOT)));
	}

	/**
	 * The language to show: the one asked for with {@code ?lang=} if offered, else the
	 * best offered match for the browser's {@code Accept-Language}, else English.
	 */
	Language choose(@Nullable String requested, @Nullable String acceptLanguage) {
		Optional<Language> asked = byCode(requested);
		if (asked.isPresent()) {
			return asked.get();
		}
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
				String tag = Locale.lookupTag(ranges, this.languages.keySet());
				if (tag != null) {
					return this.languages.get(tag.toLowerCase(Locale.ROOT));
				}
			}
			catch (IllegalArgumentException ex) {
				// A malformed header: fall back to English.
			}
		}
		return this.languages.get(ENGLISH);
	}

	private static ItemLanguages load(Inventory inventory) {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode list = read(json, "ipip/i18n/languages.json");
		List<Language> offered = new ArrayList<>();
		Language english = null;
		for (JsonNode entry : list) {
			String code = entry.path("id").asString();
			if (WITHDRAWN.contains(code)) {
				continue;
			}
			JsonNode data = read(json, "ipip/i18n/" + code + ".json");
			Optional<Language> language = complete(code, entry.path("text").asString(), data, inventory);
			if (language.isPresent() && code.equals(ENGLISH)) {
				english = language.get();
			}
			else {
				language.ifPresent(offered::add);
			}
		}
		if (english == null) {
			throw new IllegalStateException("The English item texts are missing or incomplete");
		}
		offered.sort(Comparator.comparing(Language::name, String.CASE_INSENSITIVE_ORDER));
		offered.add(0, english);
		return new ItemLanguages(offered);
	}

	/**
	 * The language if its file is complete for the inventory (see the class comment).
	 */
	static Optional<Language> complete(String code, String englishName, JsonNode data, Inventory inventory) {
		Map<String, JsonNode> byId = new HashMap<>();
		for (JsonNode question : data.path("questions")) {
			byId.put(question.path("id").asString(), question);
		}
		List<String> texts = new ArrayList<>();
		for (Item item : inventory.items()) {
			JsonNode question = byId.get(item.id());
			if (question == null) {
				return Optional.empty();
			}
			String text = question.path("text").asString("").strip();
			boolean sameItem = question.path("domain").asString().equals(item.facet().domain().code())
					&& question.path("facet").asInt() == item.facet().number()
					&& question.path("keyed").asString().equals(item.reversed() ? "minus" : "plus");
			boolean translated = code.equals(ENGLISH) || !text.equalsIgnoreCase(item.text().strip());
			if (text.isEmpty() || !sameItem || !translated) {
				return Optional.empty();
			}
			texts.add(text);
		}
		List<String> choices = new ArrayList<>();
		List<JsonNode> plus = new ArrayList<>();
		data.path("choices").path("plus").forEach(plus::add);
		plus.sort(Comparator.comparingInt((JsonNode choice) -> choice.path("score").asInt()));
		for (JsonNode choice : plus) {
			choices.add(choice.path("text").asString("").strip());
		}
		if (choices.size() != Inventory.MAX_ANSWER || choices.stream().anyMatch(String::isEmpty)) {
			return Optional.empty();
		}
		return Optional.of(new Language(code, name(code, englishName), RIGHT_TO_LEFT.contains(code), texts,
				code.equals(ENGLISH) ? ENGLISH_CHOICES : choices));
	}

	/** The language's own name where Java knows it, with the English name. */
	private static String name(String code, String englishName) {
		Locale locale = Locale.forLanguageTag(code);
		String own = locale.getDisplayName(locale);
		String english = locale.getDisplayName(Locale.ENGLISH);
		if (own.isBlank() || own.equalsIgnoreCase(code) || own.equals(english)) {
			return englishName;
		}
		return own.substring(0, 1).toUpperCase(locale) + own.substring(1) + " · " + english;
	}

	private static JsonNode read(JsonMapper json, String resource) {
		try (InputStream in = ItemLanguages.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A language the statements can be shown in.
	 *
	 * @param code the language tag, as in {@code ?lang=}
	 * @param name how the switcher names it
	 * @param rightToLeft whether the script runs right to left
	 * @param texts the 120 statements in inventory order
	 * @param choices the five answer labels, from "very inaccurate" to "very accurate"
	 */
	record Language(String code, String name, boolean rightToLeft, List<String> texts, List<String> choices) {

		Language {
			texts = List.copyOf(texts);
			choices = List.copyOf(choices);
		}

		public String text(Item item) {
			return this.texts.get(item.position() - 1);
		}

	}

}
