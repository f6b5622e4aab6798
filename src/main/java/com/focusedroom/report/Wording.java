package com.focusedroom.report;

import java.util.List;

/**
 * Small pieces of English the report's sentences are built from.
 */
final class Wording {

	private Wording() {
	}

	/** "A", "A and B", "A, B and C". */
	static String and(List<String> parts) {
		if (parts.size() <= 1) {
			return String.join("", parts);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
	}

	/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ... */
	static String ordinal(int number) {
		int lastTwo = number % 100;
		if (lastTwo >= 11 && lastTwo <= 13) {
			return number + "th";
		}
		return number + switch (number % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
	}

}
