package com.focusedroom.assessment;

import java.util.List;

import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ItemLanguagesTests {

	private final ItemLanguages languages = ItemLanguages.standard();

	@Test
	void englishAndEveryCompleteTranslationAreOfferedButNotTheIncompleteOnes() {
		List<String> codes = this.languages.offered().stream().map(ItemLanguages.Language::code).toList();
		assertThat(codes.get(0)).isEqualTo("en");
		assertThat(codes).hasSize(35).contains("de", "fr", "es", "ja", "zh-cn", "ar", "pt-br");
		assertThat(codes).as("Icelandic and Turkish still have statements in English").doesNotContain("is", "tr");
		assertThat(codes).as("Urdu and siSwati say too much else (the translation audit)").doesNotContain("ur", "ss");
	}

	@Test
	void everyOfferedLanguageHasEveryItemWithTheEnglishItemsFacetAndKeying() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		for (ItemLanguages.Language language : this.languages.offered()) {
			JsonNode data = json
				.readTree(getClass().getClassLoader().getResourceAsStream("ipip/i18n/" + language.code() + ".json"));
			java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
			data.path("questions").forEach((question) -> byId.put(question.path("id").asString(), question));
			for (Item item : Inventory.ipipNeo120().items()) {
				JsonNode question = byId.get(item.id());
				assertThat(question).as(language.code() + " item " + item.position()).isNotNull();
				assertThat(question.path("domain").asString()).as(language.code() + " " + item.position())
					.isEqualTo(item.facet().domain().code());
				assertThat(question.path("facet").asInt()).as(language.code() + " " + item.position())
					.isEqualTo(item.facet().number());
				assertThat(question.path("keyed").asString()).as(language.code() + " " + item.position())
					.isEqualTo(item.reversed() ? "minus" : "plus");
				assertThat(language.text(item)).as(language.code() + " " + item.position()).isNotBlank();
			}
		}
	}

	@Test
	void theFrenchLiberalismItemsSayWhatTheirKeyingScores() {
		ItemLanguages.Language french = this.languages.byCode("fr").orElseThrow();
		Item liberal = Inventory.ipipNeo120().items().get(27);
		Item conservative = Inventory.ipipNeo120().items().get(87);
		assertThat(liberal.text()).isEqualTo("Tend to vote for liberal political candidates");
		assertThat(conservative.text()).isEqualTo("Tend to vote for conservative political candidates");
		assertThat(french.text(liberal)).containsIgnoringCase("progressis").doesNotContainIgnoringCase("conservat");
		assertThat(french.text(conservative)).containsIgnoringCase("conservat");
	}

	@Test
	void theEnglishTextsAreTheInventorysOwn() {
		ItemLanguages.Language english = this.languages.byCode("en").orElseThrow();
		for (Item item : Inventory.ipipNeo120().items()) {
			assertThat(english.text(item)).isEqualTo(item.text());
		}
		assertThat(english.choices()).containsExactly("Very inaccurate", "Moderately inaccurate",
				"Neither accurate nor inaccurate", "Moderately accurate", "Very accurate");
	}

	@Test
	void translationsAreMatchedToOurItemsByIdNotByPosition() {
		ItemLanguages.Language german = this.languages.byCode("de").orElseThrow();
		Item first = Inventory.ipipNeo120().items().get(0);
		assertThat(first.text()).isEqualTo("Worry about things");
		assertThat(german.text(first)).isEqualTo("Ich mache mir oft Sorgen");
		assertThat(german.choices()).first().isEqualTo("Sehr unzutreffend");
		assertThat(german.rightToLeft()).isFalse();
		assertThat(this.languages.byCode("he").orElseThrow().rightToLeft()).isTrue();
	}

	@Test
	void aTranslationWithAMissingUntranslatedOrDifferentlyKeyedItemIsNotComplete() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode german = (ObjectNode) json
			.readTree(getClass().getClassLoader().getResourceAsStream("ipip/i18n/de.json"));
		Inventory inventory = Inventory.ipipNeo120();
		assertThat(ItemLanguages.complete("de", "German", german, inventory)).isPresent();

		ObjectNode untranslated = german.deepCopy();
		((ObjectNode) untranslated.path("questions").get(3)).put("text", "Trust others");
		assertThat(ItemLanguages.complete("de", "German", untranslated, inventory)).isEmpty();

		ObjectNode rekeyed = german.deepCopy();
		ObjectNode question = (ObjectNode) rekeyed.path("questions").get(0);
		question.put("keyed", "minus");
		assertThat(ItemLanguages.complete("de", "German", rekeyed, inventory)).isEmpty();

		ObjectNode missing = german.deepCopy();
		((tools.jackson.databind.node.ArrayNode) missing.path("questions")).remove(119);
		assertThat(ItemLanguages.complete("de", "German", missing, inventory)).isEmpty();
	}

	@Test
	void theBrowsersPreferredOfferedLanguageIsChosenUnlessOneIsAskedFor() {
		assertThat(this.languages.choose(null, "de-CH,de;q=0.9,en;q=0.8").code()).isEqualTo("de");
		assertThat(this.languages.choose(null, "pt-BR,pt;q=0.9").code()).isEqualTo("pt-br");
		assertThat(this.languages.choose(null, "zh-HK").code()).isEqualTo("zh-hk");
		assertThat(this.languages.choose(null, "tr-TR,tr;q=0.9,fr;q=0.5").code()).as("Turkish is not offered")
			.isEqualTo("fr");
		assertThat(this.languages.choose("ja", "de").code()).isEqualTo("ja");
		assertThat(this.languages.choose("xx", "de").code()).as("an unknown ?lang= is ignored").isEqualTo("de");
		assertThat(this.languages.choose(null, null).code()).isEqualTo("en");
		assertThat(this.languages.choose(null, ";;q=bogus,").code()).as("a malformed header").isEqualTo("en");
	}

}
