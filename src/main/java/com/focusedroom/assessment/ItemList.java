package com.focusedroom.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.focusedroom.assessment.ItemLanguages.Language;
import com.focusedroom.scoring.Inventory;
import org.jspecify.annotations.Nullable;
import com.focusedroom.scoring.Item;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The parts of the test page that depend only on its language, as HTML: the 120
 * statements with their answer choices and the language switcher's choices.
 * <p>
 * They are most of the page and the same for every visitor who has not answered yet, so
 * they are rendered once per language and kept: the test page is the product's most
 * requested page, and rendering its 600 radio buttons and 37 languages on every request
 * cost several times more than everything else it does (see docs/benchmarks.md). A form
 * coming back with answers or errors gets its statements rendered from the same template
 * with them.
 */
final class ItemList {

	private static final String TEMPLATE = "assessment/items";

	private static final Pattern INDENTATION = Pattern.compile("\\s*\\n\\s*");

	private final List<Item> items = Inventory.ipipNeo120().items();

	private final Map<String, String> unanswered = new ConcurrentHashMap<>();

	private final Map<String, String> languageChoices = new ConcurrentHashMap<>();

	private final ITemplateEngine templates;

	private final MessageSource messages;

	ItemList(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	/** The language switcher's choices, with a language selected. */
	String languageChoice(Language language, List<Language> offered) {
		return this.languageChoices.computeIfAbsent(language.code(), (code) -> {
			Context context = new Context(Locale.ENGLISH);
			context.setVariable("language", language);
			context.setVariable("languages", offered);
			return asciiOnly(compact(this.templates.process(TEMPLATE, Set.of("languages"), context)));
		});
	}

	/** The statements in a language, none answered. */
	String unanswered(Language language) {
		return this.unanswered.computeIfAbsent(language.code(),
				(code) -> render(language, new Integer[this.items.size()], new String[this.items.size()]));
	}

	/**
	 * The statements with the answers a visitor sent and the message at each rejected
	 * one.
	 */
	String answered(Language language, @Nullable List<@Nullable Integer> answers, BindingResult result, Locale locale) {
		Integer[] given = new Integer[this.items.size()];
		String[] errors = new String[this.items.size()];
		for (int i = 0; i < given.length; i++) {
			given[i] = (answers != null && i < answers.size()) ? answers.get(i) : null;
			FieldError error = result.getFieldError("answers[" + i + "]");
			errors[i] = (error != null) ? this.messages.getMessage(error, locale) : null;
		}
		if (Arrays.stream(given).allMatch((answer) -> answer == null)
				&& Arrays.stream(errors).allMatch((error) -> error == null)) {
			return unanswered(language);
		}
		return render(language, given, errors);
	}

	private String render(Language language, Integer[] answers, String[] errors) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("items", this.items);
		context.setVariable("language", language);
		context.setVariable("answers", new ArrayList<>(Arrays.asList(answers)));
		context.setVariable("errors", new ArrayList<>(Arrays.asList(errors)));
		return compact(this.templates.process(TEMPLATE, Set.of("items"), context));
	}

	/** Without the template's indentation: a fifth of the statements' size. */
	private static String compact(String html) {
		return INDENTATION.matcher(html).replaceAll("\n");
	}

	/**
	 * The language names written in their own scripts as character references, so that a
	 * page in a Latin-script language stays Latin-1 throughout: Java then holds and
	 * encodes the page one byte per character, which made the test page noticeably
	 * cheaper to send (docs/benchmarks.md). Browsers show the same characters.
	 */
	private static String asciiOnly(String html) {
		StringBuilder out = new StringBuilder(html.length() + 256);
		html.codePoints().forEach((c) -> {
			if (c < 0x80) {
				out.append((char) c);
			}
			else {
				out.append("&#").append(c).append(';');
			}
		});
		return out.toString();
	}

}
