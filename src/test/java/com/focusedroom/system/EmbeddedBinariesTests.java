package com.focusedroom.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL of the building machine is there for the tests (in either
 * build), and its absence in a production jar is reported as what to configure.
 * scripts/check-jars.sh checks the jars themselves.
 */
class EmbeddedBinariesTests {

	@Test
	void theBinariesOfThisMachineAreOnTheClasspath() {
		assertThat(EmbeddedBinaries.candidates()).isNotEmpty()
			.allMatch((name) -> name.matches("postgres-[a-z0-9_-]+\\.txz"));
		assertThat(EmbeddedBinaries.present()).isTrue();
	}

	@Test
	void aBuildWithoutThemSaysWhichSettingsToGive() {
		FailureAnalysis analysis = new EmbeddedBinaries.MissingAnalyzer()
			.analyze(new IllegalStateException("wrapped", new EmbeddedBinaries.Missing()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("spring.datasource.url is unset", "-Pproduction");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD");
	}

}
