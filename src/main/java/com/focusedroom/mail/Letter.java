package com.focusedroom.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.focusedroom.shared.TypedText;
import org.jspecify.annotations.Nullable;

/**
 * One message to post.
 *
 * @param kind which message
 * @param recipient the normalised email address it goes to
 * @param customerId the customer it is about, if the address belongs to one (erasure
 * deletes the customer's mail with them)
 * @param locale the language of the message
 * @param model the values its template needs ({@link LetterKind#modelKeys()}); absolute
 * links built with {@code shared.PublicUrls.forMail}
 * @param client the requesting client's key (its address as the limits module resolves
 * it), for the per-client limit; {@code null} when the mail is not caused by a web
 * request
 */
public record Letter(LetterKind kind, String recipient, @Nullable Long customerId, Locale locale,
		Map<String, Object> model, @Nullable String client) {

	public Letter {
		model = withoutControlCharacters(model);
		for (String key : kind.modelKeys()) {
			if (!model.containsKey(key)) {
				throw new IllegalArgumentException(kind + " mail needs the model value " + key);
			}
		}
	}

	/**
	 * The model with control characters taken out of its texts: a name is kept as typed
	 * elsewhere, but no mail needs a NUL or a form feed, and PostgreSQL refuses NUL in
	 * the rendered message.
	 */
	private static Map<String, Object> withoutControlCharacters(Map<String, Object> model) {
		Map<String, Object> cleaned = new LinkedHashMap<>();
		model.forEach((key, value) -> cleaned.put(key,
				(value instanceof String text) ? TypedText.withoutControlCharacters(text) : value));
		return Map.copyOf(cleaned);
	}

}
