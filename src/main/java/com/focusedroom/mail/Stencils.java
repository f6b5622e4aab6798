package com.focusedroom.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.unbescape.html.HtmlEscape;

/**
 * Each letter's two bodies rendered once per shape and then filled in: a submission posts
 * the report mail, and rendering its two Thymeleaf templates was an eighth of the
 * submission's CPU (docs/benchmarks.md, issue 14.4).
 * <p>
 * The <em>shape</em> of a letter is its kind, its language and every model value that is
 * not a text with something in it (flags, numbers, empty or blank texts, which
 * {@code #strings.isEmpty} tells apart): those may steer the template ({@code th:if}).
 * The texts (a name, a link) are only printed, so the templates are rendered with a
 * marker in each text's place, and a letter is the stencil with its texts put in,
 * HTML-escaped in the HTML body as Thymeleaf escapes them. Whether that is true of a
 * template is not assumed but checked, once per shape: the stencil must give exactly what
 * Thymeleaf gives for other markers and for texts full of characters that need escaping;
 * a shape that fails (a template that transforms or compares a text) is rendered in full
 * every time.
 */
final class Stencils {

	private static final Pattern MARKER = Pattern.compile("zQ7slot(\\d+)(a|b)Q7z");

	private static final String PROBE = "<Prøbe & \"quoted\" 'single' %s> {0} $1 \\";

	private final Cache<Shape, Optional<Stencil>> cache;

	private final BiFunction<Letter, Map<String, Object>, Bodies> render;

	/**
	 * @param render renders a letter's bodies with the given model in full
	 * @param maximumShapes how many shapes to keep (a report number is part of a shape)
	 */
	Stencils(BiFunction<Letter, Map<String, Object>, Bodies> render, long maximumShapes) {
		this.render = render;
		this.cache = Caffeine.newBuilder().maximumSize(maximumShapes).build();
	}

	/** The letter's bodies, from its shape's stencil when the shape has one. */
	Bodies bodies(Letter letter) {
		Shape shape = Shape.of(letter);
		return stencil(letter, shape).map((stencil) -> stencil.fill(shape.texts(letter.model())))
			.orElseGet(() -> this.render.apply(letter, letter.model()));
	}

	/** Whether a letter of this shape is filled in from a stencil (for tests). */
	boolean stencilled(Letter letter) {
		return stencil(letter, Shape.of(letter)).isPresent();
	}

	private Optional<Stencil> stencil(Letter letter, Shape shape) {
		return this.cache.get(shape, (key) -> build(letter, shape));
	}

	private Optional<Stencil> build(Letter letter, Shape shape) {
		List<String> texts = shape.textKeys();
		Bodies a = this.render.apply(letter, shape.model(letter.model(), (i) -> marker(i, "a")));
		Stencil stencil = Stencil.of(a, texts.size());
		List<String> markersB = new ArrayList<>();
		List<String> probes = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			markersB.add(marker(i, "b"));
			probes.add(PROBE.formatted(i));
		}
		boolean sound = stencil != null
				&& stencil.fill(markersB).equals(this.render.apply(letter, shape.model(letter.model(), markersB::get)))
				&& stencil.fill(probes).equals(this.render.apply(letter, shape.model(letter.model(), probes::get)));
		return sound ? Optional.of(stencil) : Optional.empty();
	}

	private static String marker(int slot, String variant) {
		return "zQ7slot" + slot + variant + "Q7z";
	}

	/** A letter's two rendered bodies. */
	record Bodies(String html, String text) {
	}

	/**
	 * What a template may depend on: the kind, the language, and each model value that is
	 * not a non-empty text; {@code textKeys} names the texts, in key order.
	 */
	private record Shape(LetterKind kind, Locale locale, Map<String, Object> fixed, List<String> textKeys) {

		static Shape of(Letter letter) {
			Map<String, Object> fixed = new TreeMap<>();
			List<String> texts = new ArrayList<>();
			new TreeMap<>(letter.model()).forEach((key, value) -> {
				if (value instanceof String text && !text.isBlank()) {
					texts.add(key);
				}
				else {
					fixed.put(key, value);
				}
			});
			return new Shape(letter.kind(), letter.locale(), Map.copyOf(fixed), List.copyOf(texts));
		}

		/** The model with the i-th text replaced by {@code text(i)}. */
		Map<String, Object> model(Map<String, Object> model, IntFunction<String> text) {
			Map<String, Object> replaced = new TreeMap<>(model);
			for (int i = 0; i < this.textKeys.size(); i++) {
				replaced.put(this.textKeys.get(i), text.apply(i));
			}
			return replaced;
		}

		List<String> texts(Map<String, Object> model) {
			return this.textKeys.stream().map((key) -> (String) model.get(key)).toList();
		}

	}

	/**
	 * Both bodies cut at the markers: literal pieces and, between them, which text goes
	 * there.
	 */
	private record Stencil(Body html, Body text) {

		static Stencil of(Bodies rendered, int slots) {
			Body html = Body.of(rendered.html(), slots, true);
			Body text = Body.of(rendered.text(), slots, false);
			return (html != null && text != null) ? new Stencil(html, text) : null;
		}

		Bodies fill(List<String> texts) {
			return new Bodies(this.html.fill(texts), this.text.fill(texts));
		}

	}

	private record Body(List<String> pieces, int[] slots, boolean escaped) {

		/** Null when a marker of variant "a" is not where it should be. */
		static Body of(String rendered, int slotCount, boolean escaped) {
			List<String> pieces = new ArrayList<>();
			List<Integer> slots = new ArrayList<>();
			Matcher matcher = MARKER.matcher(rendered);
			int from = 0;
			while (matcher.find()) {
				int slot = Integer.parseInt(matcher.group(1));
				if (!matcher.group(2).equals("a") || slot >= slotCount) {
					return null;
				}
				pieces.add(rendered.substring(from, matcher.start()));
				slots.add(slot);
				from = matcher.end();
			}
			pieces.add(rendered.substring(from));
			return new Body(List.copyOf(pieces), slots.stream().mapToInt(Integer::intValue).toArray(), escaped);
		}

		String fill(List<String> texts) {
			StringBuilder body = new StringBuilder(this.pieces.get(0));
			for (int i = 0; i < this.slots.length; i++) {
				String value = texts.get(this.slots[i]);
				body.append(this.escaped ? HtmlEscape.escapeHtml4Xml(value) : value).append(this.pieces.get(i + 1));
			}
			return body.toString();
		}

	}

}
