package com.focusedroom.system;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile input from a seeded random source, so that a failing case can be run again from
 * its seed: strings of every kind a person or a program could send (ASCII, astral plane,
 * right-to-left, NUL and control characters, combining marks, lone surrogates, very
 * long), numbers that are too big, negative or not numbers at all, and JSON values of
 * every type.
 */
final class RandomInput {

	/** Strings that broke some parser, template or spreadsheet somewhere. */
	static final List<String> NASTY = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"javascript:alert(1)", "'-alert(1)-'", "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1+1)", "{{7*7}}",
			"[[${7*7}]]", "${7*7}", "#{7*7}", "__${T(java.lang.Runtime)}__::.x", "*{7*7}", "' OR '1'='1", "'; --", "\\",
			"\\\\\\", "\"", "%s%s%s%n", "%00", "../../../../etc/passwd", "null", "undefined", "NaN", "true", "[]", "{}",
			"\u0000", "a\u0000b", "\r\nSet-Cookie: x=y", "\ufeff", "\ufffe", "\uffff", "\u202eevil", "\ud83d\ude00",
			"\ud800", "\udfff", "\ud800\ud800", "&amp;&lt;", "&#0;", "<!--", "]]>", "<![CDATA[x]]>", "\u2028\u2029",
			"　", "\u00a0", "𝕏𝕐ℤ", "Z̸̢̛͔a̸l̴g̵o̷", "ﷺ", "ǅ", "İ", "ß", "ﬃ", "\u0130\u0131");

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SplittableRandom random;

	RandomInput(long seed) {
		this.random = new SplittableRandom(seed);
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	int between(int min, int maxInclusive) {
		return this.random.nextInt(min, maxInclusive + 1);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	<T> T oneOf(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	/** A random lower-case word that appears nowhere else: to find a value in logs. */
	String marker() {
		StringBuilder marker = new StringBuilder("pii");
		for (int i = 0; i < 12; i++) {
			marker.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return marker.toString();
	}

	/** Any string, from empty to 100,000 characters. */
	String text() {
		return switch (this.random.nextInt(13)) {
			case 0 -> ascii(between(0, 40));
			case 1 -> bmp(between(1, 30));
			case 2 -> astral(between(1, 20));
			case 3 -> rightToLeft(between(1, 30));
			case 4 -> control(between(1, 20));
			case 5 -> combining(between(1, 4));
			case 6 -> loneSurrogates(between(1, 5));
			case 7 -> longText();
			case 8, 9 -> oneOf(NASTY);
			case 10 -> oneOf(List.of("", " ", "   ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u200b", "\ufeff "));
			case 11 -> number();
			default -> text() + text();
		};
	}

	/** A string that looks like a number, or nearly. */
	String number() {
		return oneOf(List.of("0", "-1", "-30", "12", "13", "120", "121", "999", "2147483647", "2147483648",
				"-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
				"99999999999999999999999999999", "1e3", "1E400", "36.0", "36.5", "-0", "+36", " 36 ", "036", "0x24",
				"NaN", "Infinity", "-Infinity", "\u0663\u0666", "\uff13\uff16", "36abc", "", " ", "3 6", "1,000",
				"1_000", "٣", "ⅻ", String.valueOf(this.random.nextLong()), String.valueOf(this.random.nextInt()),
				String.valueOf(this.random.nextDouble() * 1e12)));
	}

	String ascii(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) between(0x20, 0x7e));
		}
		return text.toString();
	}

	private String bmp(int length) {
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			char c = (char) between(0xa0, 0xfffd);
			if (!Character.isSurrogate(c)) {
				text.append(c);
			}
		}
		return text.toString();
	}

	private String astral(int codePoints) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < codePoints; i++) {
			int base = oneOf(List.of(0x1f600, 0x1f300, 0x20000, 0x1d400, 0x10000, 0xe0001, 0x10fff0));
			text.appendCodePoint(base + nextInt(0x0f));
		}
		return text.toString();
	}

	private String rightToLeft(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			char c = switch (nextInt(5)) {
				case 0 -> (char) between(0x05d0, 0x05ea);
				case 1 -> (char) between(0x0627, 0x064a);
				case 2 -> oneOf(List.of('\u202e', '\u202b', '\u200f', '\u2067', '\u2069', '\u061c'));
				default -> (char) between('a', 'z');
			};
			text.append(c);
		}
		return text.toString();
	}

	private String control(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			char c = switch (nextInt(4)) {
				case 0 -> '\u0000';
				case 1 -> (char) between(0x01, 0x1f);
				case 2 -> (char) between(0x7f, 0x9f);
				default -> (char) between('a', 'z');
			};
			text.append(c);
		}
		return text.toString();
	}

	private String combining(int letters) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < letters; i++) {
			text.append((char) between('a', 'z'));
			int marks = between(1, 60);
			for (int m = 0; m < marks; m++) {
				text.append((char) (chance(0.8) ? between(0x0300, 0x036f) : between(0x20d0, 0x20f0)));
			}
		}
		return text.toString();
	}

	private String loneSurrogates(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((char) between('a', 'z'));
			text.append((char) (chance(0.5) ? between(0xd800, 0xdbff) : between(0xdc00, 0xdfff)));
		}
		return text.toString();
	}

	private String longText() {
		int length = oneOf(List.of(101, 255, 256, 2_001, 10_000, 70_000, 100_000));
		String unit = chance(0.5) ? "x" : oneOf(List.of("é", "😀", "\u0000", "a\u0301", "<>", "%"));
		return unit.repeat(Math.max(1, length / unit.length()));
	}

	/** Any JSON value, as JSON text: every type, and numbers no Java type holds. */
	String jsonValue(int depth) {
		return switch (this.random.nextInt((depth > 2) ? 6 : 9)) {
			case 0, 1 -> Json.string(text());
			case 2 -> oneOf(List.of("0", "-1", "1.5", "36.0", "1e2", "-0", "1E400", "-1E400", "99999999999999999999999",
					"2147483648", "-9223372036854775809", "0.0000000000000000000001", "12345678901234567890.5"));
			case 3 -> oneOf(List.of("true", "false", "null"));
			case 4 -> Json.string(number());
			case 5 -> oneOf(List.of("\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u202e\"", "\"a\\nb\"",
					"\"\\/\"", "\"\"", "\"\\ufeff\""));
			case 6 -> {
				StringBuilder array = new StringBuilder("[");
				int size = between(0, 5);
				for (int i = 0; i < size; i++) {
					array.append((i > 0) ? "," : "").append(jsonValue(depth + 1));
				}
				yield array.append(']').toString();
			}
			case 7 ->
				"{\"" + ascii(between(0, 6)).replace("\\", "").replace("\"", "") + "\":" + jsonValue(depth + 1) + "}";
			default -> {
				int nesting = between(10, 3000);
				yield "[".repeat(nesting) + "]".repeat(nesting);
			}
		};
	}

	/** JSON text written by hand, so that it can also be written wrong. */
	static final class Json {

		private Json() {
		}

		static String string(String value) {
			StringBuilder json = new StringBuilder(value.length() + 2).append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '"' -> json.append("\\\"");
					case '\\' -> json.append("\\\\");
					default -> {
						if (c < 0x20 || Character.isSurrogate(c)
								&& !(Character.isHighSurrogate(c) && i + 1 < value.length()
										&& Character.isLowSurrogate(value.charAt(i + 1)))
								&& !(Character.isLowSurrogate(c) && i > 0
										&& Character.isHighSurrogate(value.charAt(i - 1)))) {
							json.append(String.format("\\u%04x", (int) c));
						}
						else {
							json.append(c);
						}
					}
				}
			}
			return json.append('"').toString();
		}

	}

}
