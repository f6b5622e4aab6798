package com.focusedroom.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Facet;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.NormedLevel;

/**
 * What each result means, in plain language: a text for a low, an average and a high
 * score of every domain and facet, and for each domain what a result that sets someone
 * apart means at work, read from {@code report/explanations.properties}. Which text a
 * score gets follows its normed level ({@link NormedLevel#coarse()}), never the raw 0-100
 * scale.
 */
final class Explanations {

	private static final Explanations STANDARD = load("report/explanations.properties");

	private final Properties texts;

	private Explanations(Properties texts) {
		this.texts = texts;
	}

	static Explanations standard() {
		return STANDARD;
	}

	/** What the domain is about, whatever the score. */
	String about(Domain domain) {
		return text(domain.code() + ".about");
	}

	/**
	 * @param code a domain code ({@code C}) or facet code ({@code C5})
	 */
	String of(String code, Level level) {
		return text(code + "." + level.name().toLowerCase(Locale.ROOT));
	}

	/**
	 * What a normed level means, from the text for its three-word level (very high reads
	 * the high text).
	 * @param code a domain code ({@code C}) or facet code ({@code C5})
	 */
	String of(String code, NormedLevel level) {
		return of(code, level.coarse());
	}

	/**
	 * What a domain result that sets someone apart means at work.
	 * @param domain the domain
	 * @param high whether the result is above (true) or below the norm group's middle
	 */
	String work(Domain domain, boolean high) {
		return text(domain.code() + ".work." + (high ? "high" : "low"));
	}

	private String text(String key) {
		String text = this.texts.getProperty(key);
		if (text == null) {
			throw new IllegalStateException("No explanation " + key);
		}
		return text;
	}

	private static Explanations load(String resource) {
		Properties texts = new Properties();
		try (InputStream in = Explanations.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Explanations explanations = new Explanations(texts);
		for (Domain domain : Domain.values()) {
			explanations.about(domain);
			explanations.work(domain, true);
			explanations.work(domain, false);
			for (Level level : Level.values()) {
				explanations.of(domain.code(), level);
			}
		}
		for (Facet facet : Inventory.ipipNeo120().facets()) {
			for (Level level : Level.values()) {
				explanations.of(facet.code(), level);
			}
		}
		return explanations;
	}

}
