package com.focusedroom.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter filled in from its shape's stencil is exactly what the templates give when
 * rendered in full, for every kind, with texts that need escaping, empty texts, flags
 * either way and any number; and the usual letters are stencilled (else the cache does
 * nothing).
 */
class StencilsTests {

	private static final List<String> NASTY = List.of("Ann", "", "<script>alert(1)</script>", "O'Brien & \"Sons\"",
			"Zoë Łukasiewicz 日本", "{0} {1} $1 \\ %s", "zQ7slot0aQ7z", "zQ7slot1bQ7z trailing", "a\u00a0b",
			"https://focusedroom.example/report/abc?x=1&y=\"2\"", "&amp; &lt;", " ", "'", "#{mail.footer}",
			"${reportUrl}", "[(${name})]");

	private final Letters letters = new Letters(messages());

	@Test
	void everyKindFilledInIsWhatTheTemplatesGive() {
		Random random = new Random(14);
		for (LetterKind kind : LetterKind.values()) {
			for (int i = 0; i < 200; i++) {
				Map<String, Object> model = new HashMap<>();
				for (String key : kind.modelKeys()) {
					model.put(key, value(key, random));
				}
				if (kind == LetterKind.REPORT) {
					model.put("unconfirmed", random.nextBoolean());
				}
				Letter letter = new Letter(kind, "ann@example.com", 1L,
						random.nextBoolean() ? Locale.ENGLISH : Locale.GERMAN, model, null);
				Letters.Rendered rendered = this.letters.render(letter);
				Stencils.Bodies full = this.letters.renderInFull(letter, letter.model());
				assertThat(rendered.html()).as("%s %s", kind, model).isEqualTo(full.html());
				assertThat(rendered.text()).as("%s %s", kind, model).isEqualTo(full.text());
			}
		}
	}

	@Test
	void theUsualLettersAreStencilled() {
		Letter report = new Letter(LetterKind.REPORT, "ann@example.com", 1L, Locale.ENGLISH, Map.of("name", "Ann",
				"reportNumber", 2, "reportUrl", "https://x.example/report/t", "unconfirmed", false), null);
		Letter anonymous = new Letter(LetterKind.REPORT, "ann@example.com", 1L, Locale.ENGLISH,
				Map.of("name", "", "reportNumber", 1, "reportUrl", "https://x.example/report/t", "unconfirmed", true),
				null);
		Letter signIn = new Letter(LetterKind.SIGN_IN, "ann@example.com", 1L, Locale.ENGLISH,
				Map.of("signInUrl", "https://x.example/my-reports/sign-in/t", "minutesValid", 15), null);
		assertThat(List.of(report, anonymous, signIn)).allMatch(this.letters::stencilled);
		assertThat(this.letters.render(report).html()).contains("Ann").contains("https://x.example/report/t");
	}

	@Test
	void aTemplateThatTransformsATextIsRenderedInFull() {
		Stencils upperCasing = new Stencils(
				(letter, model) -> new Stencils.Bodies(((String) model.get("name")).toUpperCase(Locale.ROOT), "x"), 10);
		Letter letter = new Letter(LetterKind.EBOOK_LINK, "ann@example.com", 1L, Locale.ENGLISH,
				Map.of("name", "Ann", "downloadUrl", "https://x.example/d"), null);
		assertThat(upperCasing.stencilled(letter)).isFalse();
		assertThat(upperCasing.bodies(letter).html()).isEqualTo("ANN");
	}

	private static Object value(String key, Random random) {
		if (key.equals("reportNumber") || key.equals("minutesValid")) {
			return random.nextInt(3) == 0 ? 1000 + random.nextInt(100_000) : 1 + random.nextInt(5);
		}
		return NASTY.get(random.nextInt(NASTY.size()));
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
