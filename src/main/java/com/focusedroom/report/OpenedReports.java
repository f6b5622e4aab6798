package com.focusedroom.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.ResponseCookie;

/**
 * The reports a visitor has opened on this device, kept in a cookie. A report is only
 * compared with the customer's previous report when that one is among them: the report
 * token is the only secret a visitor holds, and an email address alone must never reveal
 * another person's earlier scores.
 */
final class OpenedReports {

	static final String COOKIE = "focusedroom-reports";

	/** Enough for years of re-taking the test; the cookie stays under 1.5 KB. */
	static final int KEPT = 20;

	private static final Pattern TOKEN = Pattern.compile("[0-9a-zA-Z_-]{32,64}");

	private static final String SEPARATOR = ".";

	private final List<String> tokens;

	private OpenedReports(List<String> tokens) {
		this.tokens = tokens;
	}

	static OpenedReports none() {
		return new OpenedReports(List.of());
	}

	/** From the cookie's value (or null); anything that is not a token is ignored. */
	static OpenedReports fromCookie(String value) {
		if (value == null || value.isBlank()) {
			return none();
		}
		List<String> tokens = Stream.of(value.split(Pattern.quote(SEPARATOR)))
			.filter((token) -> TOKEN.matcher(token).matches())
			.distinct()
			.toList();
		return new OpenedReports(tokens.subList(Math.max(0, tokens.size() - KEPT), tokens.size()));
	}

	/**
	 * These reports and the one just opened, the most recent last, at most {@link #KEPT}.
	 */
	OpenedReports with(String token) {
		Set<String> kept = new LinkedHashSet<>(this.tokens);
		kept.remove(token);
		kept.add(token);
		List<String> list = new ArrayList<>(kept);
		return new OpenedReports(List.copyOf(list.subList(Math.max(0, list.size() - KEPT), list.size())));
	}

	/** A PostgreSQL text[] literal; safe because every token matched {@link #TOKEN}. */
	String asArrayLiteral() {
		return "{" + String.join(",", this.tokens) + "}";
	}

	/**
	 * The cookie that remembers them: only sent back to report pages, never to scripts.
	 */
	ResponseCookie cookie(boolean secure) {
		return ResponseCookie.from(COOKIE, String.join(SEPARATOR, this.tokens))
			.path("/report")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(Duration.ofDays(400))
			.build();
	}

}
