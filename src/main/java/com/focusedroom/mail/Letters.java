package com.focusedroom.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a letter from its templates: {@code templates/mail/<kind>.html} and
 * {@code .txt}, with the app's messages. Its own template engines, not the web's: a mail
 * is rendered away from any page and its plain-text part is a text template, not HTML.
 * Both escape the model's values.
 */
@Component
class Letters {

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	private final MessageSource messages;

	private final Stencils stencils;

	Letters(MessageSource messages) {
		this.messages = messages;
		this.html = engine(messages, TemplateMode.HTML, ".html");
		this.text = engine(messages, TemplateMode.TEXT, ".txt");
		this.stencils = new Stencils(this::renderInFull, 2_000);
	}

	/**
	 * Parses and caches every template once at start-up: the first render of a template
	 * is slow, and a mail is rendered inside its action's transaction, under its locks.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		for (LetterKind kind : LetterKind.values()) {
			Map<String, Object> model = new HashMap<>();
			kind.modelKeys().forEach((key) -> model.put(key, "1"));
			render(new Letter(kind, "warm-up@invalid", null, Locale.ENGLISH, model, null));
		}
	}

	Rendered render(Letter letter) {
		String template = letter.kind().template();
		String argument = letter.kind().subjectArgument();
		Object[] arguments = (argument != null) ? new Object[] { letter.model().get(argument) } : new Object[0];
		String subject = this.messages.getMessage("mail." + template + ".subject", arguments, letter.locale());
		Stencils.Bodies bodies = this.stencils.bodies(letter);
		return new Rendered(subject, bodies.html(), bodies.text(), headers(letter));
	}

	/** Both bodies straight from the templates, with the given model. */
	Stencils.Bodies renderInFull(Letter letter, Map<String, Object> model) {
		Context context = new Context(letter.locale(), model);
		String template = letter.kind().template();
		return new Stencils.Bodies(this.html.process(template, context), this.text.process(template, context));
	}

	/** Whether this letter's bodies come from a stencil (for tests). */
	boolean stencilled(Letter letter) {
		return this.stencils.stencilled(letter);
	}

	/**
	 * Newsletter-type mail names its one-click unsubscribe (RFC 8058); other mail does
	 * not.
	 */
	private static Map<String, String> headers(Letter letter) {
		if (!letter.kind().newsletter()) {
			return Map.of();
		}
		return Map.of("List-Unsubscribe", "<" + letter.model().get("unsubscribeUrl") + ">", "List-Unsubscribe-Post",
				"List-Unsubscribe=One-Click");
	}

	private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	record Rendered(String subject, String html, String text, Map<String, String> headers) {
	}

}
