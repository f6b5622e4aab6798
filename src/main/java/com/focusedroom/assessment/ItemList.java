package com.focusedroom.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.focusedroom.assessment.ItemLanguages.Language;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Item;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The test's 120 statements with their answer choices, as HTML for the test page.
 * <p>
 * They are most of the page and the same for every visitor who has not answered yet, so
 * that list is rendered once per language and kept: the test page is the product's most
 * requested page and rendering its 600 radio buttons on every request cost more than
 * everything else it does (see docs/benchmarks.md). A form coming back with answers or
 * errors is rendered from the same template with them.
 */
final class ItemList {

	private static final String TEMPLATE = "assessment/items";

	private final List<Item> items = Inventory.ipipNeo120().items();

	private final Map<String, String> unanswered = new ConcurrentHashMap<>();

	private final ITemplateEngine templates;

	private final MessageSource messages;

	ItemList(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
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
	String answered(Language language, List<Integer> answers, BindingResult result, Locale locale) {
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
		return this.templates.process(TEMPLATE, Set.of("items"), context);
	}

}
