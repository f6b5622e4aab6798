package com.focusedroom.report;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar focusedroom.jar rescore-translation --fix=fr-28-88 (--results=12,40 |
 * --recorded-before=2026-12-02T00:00:00Z) [--apply]}: re-scores stored results answered
 * on a translation that a later fix corrected by a pure swap ({@link TranslationFix},
 * {@link Rescoring}). Without {@code --apply} it only prints what it would change. Uses
 * the same database settings as the app; runs no migrations. Exit status 0 when done, 1
 * when some result was left alone (already fixed, other language, no answers, not found),
 * 2 for a wrong command line or when the database cannot be used. See
 * docs/decisions/0010.
 */
public final class RescoreCommand {

	public static final String NAME = "rescore-translation";

	static final int OK = 0;

	static final int SOME_LEFT_ALONE = 1;

	static final int FAILED = 2;

	private RescoreCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println("Usage: " + NAME + " --fix=<"
					+ String.join("|", TranslationFix.ALL.stream().map(TranslationFix::id).toList())
					+ "> (--results=<id,id,...> | --recorded-before=<ISO time>) [--apply] [Spring options]");
			return FAILED;
		}
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setAdditionalProfiles("rescore");
		List<Rescoring.Outcome> outcomes;
		try (ConfigurableApplicationContext context = spring.run(arguments.spring().toArray(String[]::new))) {
			Rescoring rescoring = context.getBean(Rescoring.class);
			List<Long> ids = (arguments.recordedBefore() != null)
					? rescoring.recordedBefore(arguments.fix(), arguments.recordedBefore()) : arguments.results();
			outcomes = rescoring.rescore(arguments.fix(), ids, arguments.apply());
		}
		catch (RuntimeException ex) {
			err.println("The re-scoring could not run, nothing was changed: " + rootMessage(ex));
			return FAILED;
		}
		int leftAlone = 0;
		int changed = 0;
		for (Rescoring.Outcome outcome : outcomes) {
			out.println("result " + outcome.resultId() + ": " + words(outcome.status()) + ": " + outcome.detail());
			if (outcome.status() == Rescoring.Status.RESCORED || outcome.status() == Rescoring.Status.WOULD_RESCORE) {
				changed++;
			}
			else {
				leftAlone++;
			}
		}
		out.println((arguments.apply() ? "Re-scored " : "Would re-score ") + changed + " result(s) with "
				+ arguments.fix().id() + ", left " + leftAlone + " alone"
				+ (arguments.apply() ? "." : " (nothing changed: add --apply to write)."));
		return (leftAlone > 0) ? SOME_LEFT_ALONE : OK;
	}

	private static String words(Rescoring.Status status) {
		return switch (status) {
			case RESCORED -> "re-scored";
			case WOULD_RESCORE -> "would re-score";
			case ALREADY_FIXED -> "left alone";
			case NO_ANSWERS -> "left alone";
			case OTHER_LANGUAGE -> "left alone";
			case NOT_FOUND -> "not found";
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	record Arguments(TranslationFix fix, List<Long> results, @Nullable OffsetDateTime recordedBefore, boolean apply,
			List<String> spring) {

		static Arguments parse(String[] args) {
			TranslationFix fix = null;
			List<Long> results = new ArrayList<>();
			OffsetDateTime before = null;
			boolean apply = false;
			List<String> spring = new ArrayList<>();
			for (String arg : args) {
				if (arg.startsWith("--fix=")) {
					String id = arg.substring("--fix=".length());
					Optional<TranslationFix> known = TranslationFix.byId(id);
					fix = known.orElseThrow(() -> new IllegalArgumentException("Unknown fix: " + id));
				}
				else if (arg.startsWith("--results=")) {
					for (String id : arg.substring("--results=".length()).split(",")) {
						try {
							results.add(Long.parseLong(id.strip()));
						}
						catch (NumberFormatException ex) {
							throw new IllegalArgumentException("Not a result id: " + id);
						}
					}
				}
				else if (arg.startsWith("--recorded-before=")) {
					try {
						before = OffsetDateTime.parse(arg.substring("--recorded-before=".length()));
					}
					catch (DateTimeParseException ex) {
						throw new IllegalArgumentException(
								"--recorded-before needs a time with its offset, e.g. 2026-12-02T00:00:00Z");
					}
				}
				else if (arg.equals("--apply")) {
					apply = true;
				}
				else {
					spring.add(arg);
				}
			}
			if (fix == null) {
				throw new IllegalArgumentException("Name the fix with --fix=");
			}
			if (results.isEmpty() == (before == null)) {
				throw new IllegalArgumentException("Give either --results= or --recorded-before=, not both");
			}
			return new Arguments(fix, List.copyOf(results), before, apply, List.copyOf(spring));
		}

	}

}
