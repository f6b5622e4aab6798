package com.focusedroom.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Whether this build carries the embedded PostgreSQL for this machine. The default build
 * packs the building machine's binaries; a production build ({@code -Pproduction}) packs
 * none, and such a jar without {@code spring.datasource.url} stops at start-up with
 * {@link Missing}, which {@link MissingAnalyzer} explains without a stack trace.
 */
final class EmbeddedBinaries {

	private EmbeddedBinaries() {
	}

	/**
	 * Looks for the archives zonky's {@code DefaultPostgresBinaryResolver} would take on
	 * this machine (same names, same order), without its error log when there is none.
	 */
	static boolean present() {
		ClassLoader loader = EmbeddedPostgres.class.getClassLoader();
		return candidates().stream().anyMatch((name) -> loader.getResource(name) != null);
	}

	static List<String> candidates() {
		String osName = System.getProperty("os.name", "");
		String system = osName.startsWith("Windows") ? "Windows" : osName.startsWith("Mac") ? "Darwin" : "Linux";
		String arch = ArchUtils.normalize(System.getProperty("os.arch", ""));
		List<String> names = new ArrayList<>();
		if (system.equals("Linux")) {
			String distribution = LinuxUtils.getDistributionName();
			if (distribution != null) {
				names.add(archive(system + "-" + arch + "-" + distribution));
			}
		}
		names.add(archive(system + "-" + arch));
		if (!system.equals("Linux") && arch.equals("arm_64")) {
			names.add(archive(system + "-x86_64"));
		}
		return names;
	}

	private static String archive(String platform) {
		return ("postgres-" + platform + ".txz").replace(' ', '_').toLowerCase(Locale.ROOT);
	}

	/** No database is configured and this build has no embedded one. */
	static final class Missing extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		Missing() {
			super("No database is configured (spring.datasource.url is unset) and this build has no embedded "
					+ "PostgreSQL for this machine (a production build, -Pproduction, has none)");
		}

	}

	/** Turns {@link Missing} into Spring Boot's "APPLICATION FAILED TO START" report. */
	static final class MissingAnalyzer extends AbstractFailureAnalyzer<Missing> {

		@Override
		protected @Nullable FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
			return new FailureAnalysis(cause.getMessage() + ".",
					"Set SPRING_DATASOURCE_URL (jdbc:postgresql://host:5432/database), SPRING_DATASOURCE_USERNAME "
							+ "and SPRING_DATASOURCE_PASSWORD to your PostgreSQL (README, \"Using an external "
							+ "PostgreSQL\"), or run a jar of the default build, which carries the embedded "
							+ "PostgreSQL of the machine that built it.",
					cause);
		}

	}

}
