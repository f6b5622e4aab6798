package com.focusedroom.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whether a set of answers looks like careless or invalid answering, so that the report
 * says so instead of interpreting noise (Johnson, J. A. (2005). Ascertaining the validity
 * of individual protocols from Web-based personality inventories. Journal of Research in
 * Personality, 39, 103-129).
 * <p>
 * Each {@link Check} holds the index, its limit and, when flagged, a plain-words finding.
 * The protocol {@linkplain #likelyInvalid() is likely invalid} when any check is flagged.
 * The limits are derived in docs/decisions/0007 (Johnson's numeric cut-offs were set on
 * the 300-item IPIP-NEO and were not available to us):
 * <ul>
 * <li>long runs of one answer: {@value #LONG_RUN_EXTREME} or more of answer 1 or 5,
 * {@value #LONG_RUN_MIDDLE} or more of answer 2, 3 or 4 in a row, the shortest run that
 * an attentive person who used that answer for 40 % (ends) or 50 % (middle) of the items
 * would reach by chance less than once in a hundred tests, the order of the items
 * changing trait and direction every statement;</li>
 * <li>opposite statements ({@link #OPPOSITE_PAIRS}: pairs chosen from the item texts,
 * standing in for the psychometric antonyms Johnson chose by their negative correlation
 * in his data): flagged when the within-person correlation between the answers to the two
 * sides is {@value #OPPOSITES_LIMIT} or more, where careful answers give a clearly
 * negative one;</li>
 * <li>consistency within traits (even-odd index, Jackson's individual reliability):
 * flagged below {@value #CONSISTENCY_LIMIT}, the two halves of the traits disagreeing
 * more than they agree;</li>
 * <li>both limits are set so that careful answers from a latent trait model with the
 * reported facet reliabilities are flagged about once in a hundred;</li>
 * <li>agreeing with everything: mean raw answer (keying ignored) {@value #AGREEING_LIMIT}
 * or more, higher than any set of answers that agrees only with one side of each facet
 * can reach (3.97); disagreeing with everything: {@value #DISAGREEING_LIMIT} or
 * less;</li>
 * <li>neutral answers ("Neither Accurate Nor Inaccurate"): a share of
 * {@value #MIDPOINT_LIMIT} or more; answers only at the two ends of the scale: a share of
 * {@value #EXTREME_LIMIT} or more;</li>
 * <li>time: under {@value #SECONDS_PER_ITEM} seconds a statement (Huang et al., 2012),
 * 240 seconds for the 120 statements.</li>
 * </ul>
 *
 * @param checks every check made, in a fixed order
 */
public record Validity(List<Check> checks) {

	public static final int LONG_RUN_EXTREME = 10;

	public static final int LONG_RUN_MIDDLE = 13;

	public static final double OPPOSITES_LIMIT = 0.25;

	public static final double CONSISTENCY_LIMIT = 0.0;

	public static final double AGREEING_LIMIT = 4.0;

	public static final double DISAGREEING_LIMIT = 2.0;

	public static final double MIDPOINT_LIMIT = 0.75;

	public static final double EXTREME_LIMIT = 0.90;

	public static final double SECONDS_PER_ITEM = 2.0;

	/**
	 * Pairs of statements of the same facet and opposite keying whose texts say opposite
	 * things, chosen from the item texts (see SOURCES.md); no statement is in two pairs.
	 */
	public static final List<OppositePair> OPPOSITE_PAIRS = List.of(new OppositePair(4, 94), new OppositePair(14, 104),
			new OppositePair(44, 74), new OppositePair(59, 119), new OppositePair(10, 70), new OppositePair(15, 105),
			new OppositePair(20, 110), new OppositePair(50, 80), new OppositePair(32, 62), new OppositePair(7, 97),
			new OppositePair(12, 102), new OppositePair(47, 107), new OppositePair(36, 96), new OppositePair(41, 101),
			new OppositePair(16, 106), new OppositePair(21, 51), new OppositePair(26, 116), new OppositePair(8, 98),
			new OppositePair(13, 73), new OppositePair(18, 48), new OppositePair(28, 88));

	private static final Map<Integer, String> ANSWER_LABELS = Map.of(1, "Very Inaccurate", 2, "Moderately Inaccurate",
			3, "Neither Accurate Nor Inaccurate", 4, "Moderately Accurate", 5, "Very Accurate");

	public Validity {
		checks = List.copyOf(checks);
	}

	/**
	 * Checks a complete set of IPIP-NEO-120 answers.
	 * @param answers one answer per item, in the inventory's order, each 1 to 5
	 * @param secondsTaken how long answering took, or null when not known (then no time
	 * check)
	 * @throws IllegalArgumentException if an answer is missing or out of range
	 */
	public static Validity of(List<Integer> answers, @Nullable Integer secondsTaken) {
		return of(Inventory.ipipNeo120(), answers, secondsTaken);
	}

	/**
	 * What {@code String.format(Locale.ROOT, "%.1f", value)} gives (half up on the
	 * double's shortest decimal form), without the formatter's cost: two of these in
	 * every submission were 3 % of its CPU.
	 */
	static String oneDecimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	public static Validity of(Inventory inventory, List<Integer> answers, @Nullable Integer secondsTaken) {
		int[] a = checked(inventory, answers);
		List<Check> checks = new ArrayList<>();
		checks.add(longRun(a));
		checks.add(opposites(a));
		checks.add(consistency(inventory, a));
		double mean = 0;
		for (int answer : a) {
			mean += answer;
		}
		mean /= a.length;
		checks.add(new Check(Kind.AGREEING, mean, AGREEING_LIMIT, mean >= AGREEING_LIMIT,
				"On average the answers agreed with the statements (" + oneDecimal(mean) + " of 5), even with"
						+ " statements that contradict each other, so the scores show a habit of agreeing more than"
						+ " the person."));
		checks.add(new Check(Kind.DISAGREEING, mean, DISAGREEING_LIMIT, mean <= DISAGREEING_LIMIT,
				"On average the answers disagreed with the statements (" + oneDecimal(mean) + " of 5), even with"
						+ " statements that contradict each other, so the scores show a habit of disagreeing more"
						+ " than the person."));
		int neutral = count(a, 3);
		double neutralShare = (double) neutral / a.length;
		checks.add(new Check(Kind.MIDPOINT, neutralShare, MIDPOINT_LIMIT, neutralShare >= MIDPOINT_LIMIT,
				neutral + " of " + a.length + " answers were \"Neither Accurate Nor Inaccurate\", so the scores"
						+ " say little about the person and all look average."));
		int ends = count(a, 1) + count(a, 5);
		double endShare = (double) ends / a.length;
		checks.add(new Check(Kind.EXTREME, endShare, EXTREME_LIMIT, endShare >= EXTREME_LIMIT,
				ends + " of " + a.length + " answers used only the two ends of the scale, which makes the results"
						+ " look more extreme than a person usually is and hides the shades in between."));
		if (secondsTaken != null) {
			double limit = SECONDS_PER_ITEM * a.length;
			checks.add(new Check(Kind.SPEED, secondsTaken, limit, secondsTaken < limit,
					"The " + a.length + " statements were answered in " + secondsTaken + " seconds, under "
							+ (int) SECONDS_PER_ITEM + " seconds a statement: too fast to read each one."));
		}
		return new Validity(checks);
	}

	/** Whether any check is flagged: the report should say so instead of interpreting. */
	public boolean likelyInvalid() {
		return this.checks.stream().anyMatch(Check::flagged);
	}

	/** The findings of the flagged checks, in plain words, most telling first. */
	public List<String> reasons() {
		return this.checks.stream().filter(Check::flagged).map(Check::finding).toList();
	}

	/** The flagged checks. */
	public List<Check> flagged() {
		return this.checks.stream().filter(Check::flagged).toList();
	}

	/** A check by kind, if it was made (the time check needs the time taken). */
	public Optional<Check> check(Kind kind) {
		return this.checks.stream().filter((check) -> check.kind() == kind).findFirst();
	}

	private static Check longRun(int[] a) {
		int bestLength = 0;
		int bestStart = 0;
		double bestRatio = -1;
		int start = 0;
		for (int i = 1; i <= a.length; i++) {
			if (i < a.length && a[i] == a[i - 1]) {
				continue;
			}
			int length = i - start;
			double ratio = (double) length / longRunLimit(a[start]);
			if (ratio > bestRatio) {
				bestRatio = ratio;
				bestLength = length;
				bestStart = start;
			}
			start = i;
		}
		int answer = a[bestStart];
		int limit = longRunLimit(answer);
		return new Check(Kind.LONG_RUN, bestLength, limit, bestLength >= limit,
				bestLength + " answers in a row were \"" + ANSWER_LABELS.get(answer) + "\" (statements "
						+ (bestStart + 1) + " to " + (bestStart + bestLength) + "). Someone reading each statement"
						+ " rarely gives one answer that many times running, because the statements change topic"
						+ " and direction every time.");
	}

	/** The shortest run of an answer that is flagged. */
	public static int longRunLimit(int answer) {
		return (answer == Inventory.MIN_ANSWER || answer == Inventory.MAX_ANSWER) ? LONG_RUN_EXTREME : LONG_RUN_MIDDLE;
	}

	private static Check opposites(int[] a) {
		double[] agree = new double[OPPOSITE_PAIRS.size()];
		double[] disagree = new double[OPPOSITE_PAIRS.size()];
		for (int i = 0; i < OPPOSITE_PAIRS.size(); i++) {
			agree[i] = a[OPPOSITE_PAIRS.get(i).plusPosition() - 1];
			disagree[i] = a[OPPOSITE_PAIRS.get(i).minusPosition() - 1];
		}
		double r = correlation(agree, disagree);
		boolean flagged = Double.isNaN(r) || r >= OPPOSITES_LIMIT;
		return new Check(Kind.OPPOSITES, r, OPPOSITES_LIMIT, flagged,
				"Statements that say opposite things, such as \"Trust others\" and \"Distrust people\", were not"
						+ " answered in opposite ways, so the answers cannot all describe the same person.");
	}

	private static Check consistency(Inventory inventory, int[] a) {
		List<Facet> facets = inventory.facets();
		double[] odd = new double[facets.size()];
		double[] even = new double[facets.size()];
		for (int f = 0; f < facets.size(); f++) {
			Facet facet = facets.get(f);
			List<Item> items = inventory.itemsOf(facet);
			for (int i = 0; i < items.size(); i++) {
				int keyed = items.get(i).score(a[items.get(i).position() - 1]);
				if (i % 2 == 0) {
					odd[f] += keyed;
				}
				else {
					even[f] += keyed;
				}
			}
		}
		double r = correlation(odd, even);
		double reliability = Double.isNaN(r) ? Double.NaN : Math.max(-1, 2 * r / (1 + r));
		boolean flagged = Double.isNaN(reliability) || reliability < CONSISTENCY_LIMIT;
		return new Check(Kind.CONSISTENCY, reliability, CONSISTENCY_LIMIT, flagged,
				"Statements about the same trait were not answered alike (half of each trait's statements"
						+ " against the other half), so the scores would mostly reflect chance.");
	}

	/** Pearson correlation, NaN when either side does not vary. */
	static double correlation(double[] x, double[] y) {
		double mx = 0;
		double my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= x.length;
		my /= y.length;
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		if (sxx == 0 || syy == 0) {
			return Double.NaN;
		}
		return sxy / Math.sqrt(sxx * syy);
	}

	private static int count(int[] a, int value) {
		int count = 0;
		for (int answer : a) {
			if (answer == value) {
				count++;
			}
		}
		return count;
	}

	private static int[] checked(Inventory inventory, List<Integer> answers) {
		if (answers == null || answers.size() != inventory.size()) {
			throw new IllegalArgumentException(
					"Expected " + inventory.size() + " answers but got " + ((answers != null) ? answers.size() : 0));
		}
		int[] a = new int[answers.size()];
		for (int i = 0; i < a.length; i++) {
			Integer answer = answers.get(i);
			if (answer == null || answer < Inventory.MIN_ANSWER || answer > Inventory.MAX_ANSWER) {
				throw new IllegalArgumentException("Answer " + (i + 1) + " must be 1 to 5 but was " + answer);
			}
			a[i] = answer;
		}
		return a;
	}

	/** What a check looks at. */
	public enum Kind {

		/** The longest run of one answer (long-string index). */
		LONG_RUN("Long runs of the same answer"),

		/** Within-person correlation over the opposite pairs (psychometric antonyms). */
		OPPOSITES("Opposite statements answered alike"),

		/** Even-odd consistency within the 30 facets (individual reliability). */
		CONSISTENCY("Statements about the same trait answered differently"),

		/** Mean raw answer, keying ignored, high. */
		AGREEING("Agreeing with nearly everything"),

		/** Mean raw answer, keying ignored, low. */
		DISAGREEING("Disagreeing with nearly everything"),

		/** Share of neutral answers. */
		MIDPOINT("Mostly neutral answers"),

		/** Share of answers at the two ends of the scale. */
		EXTREME("Only the ends of the scale"),

		/** Seconds taken for all statements. */
		SPEED("Answered too fast");

		private final String title;

		Kind(String title) {
			this.title = title;
		}

		/** A short heading in plain words. */
		public String title() {
			return this.title;
		}

		/** As stored and in the API: "long-run", "opposites", ... */
		public String code() {
			return name().replace('_', '-').toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One index.
	 *
	 * @param kind what it looks at
	 * @param observed the index's value for this protocol (NaN when it cannot be
	 * computed, for example a correlation over answers that never vary; that counts as
	 * flagged)
	 * @param limit the value at which (or beyond which) it is flagged
	 * @param flagged whether this index suggests careless or invalid answering
	 * @param finding what was seen and why it matters, in plain words (meant for when it
	 * is flagged)
	 */
	public record Check(Kind kind, double observed, double limit, boolean flagged, String finding) {

	}

	/**
	 * Two statements of one facet that say opposite things.
	 *
	 * @param plusPosition the plus-keyed statement's position (1-based)
	 * @param minusPosition the minus-keyed statement's position
	 */
	public record OppositePair(int plusPosition, int minusPosition) {

	}

}
