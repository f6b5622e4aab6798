package com.focusedroom.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangeTests {

	private final Norms norms = Norms.johnson2014();

	@Test
	void aDomainThresholdFollowsFromItsSpreadAndReliability() {
		Change change = Change.of("C", 80, 58.3, 80, 58.3, this.norms);
		double sd = this.norms.typicalStandardDeviation("C");
		assertThat(change.threshold()).isCloseTo(1.96 * sd * Math.sqrt(2 * (1 - 0.84)), within(1e-9));
		assertThat(change.threshold()).as("about 15 of the 96 raw points").isBetween(13.0, 18.0);
	}

	@Test
	void aSmallMoveInADomainIsWithinTheMarginOfError() {
		Change change = Change.of("E", 70, 47.9, 80, 58.3, this.norms);
		assertThat(change.meaningful()).isFalse();
		assertThat(change.direction()).isEqualTo("about the same");
		assertThat(change.difference()).isEqualTo(10.4);
	}

	@Test
	void aLargeMoveInADomainIsMeaningfulAndHasADirection() {
		Change up = Change.of("N", 50, 27.1, 75, 53.1, this.norms);
		assertThat(up.meaningful()).isTrue();
		assertThat(up.direction()).isEqualTo("up");
		Change down = Change.of("N", 75, 53.1, 50, 27.1, this.norms);
		assertThat(down.direction()).isEqualTo("down");
	}

	@Test
	void aFacetMustMoveFurtherThanADomainBecauseFourStatementsMeasureLessReliably() {
		Change facet = Change.of("C5", 10, 37.5, 14, 62.5, this.norms);
		assertThat(facet.meaningful()).as("4 of 16 raw points is within a facet's error").isFalse();
		assertThat(Change.of("C5", 6, 12.5, 16, 75.0, this.norms).meaningful()).isTrue();
		double facetShare = facet.threshold() / 16;
		double domainShare = Change.of("C", 0, 0, 0, 0, this.norms).threshold() / 96;
		assertThat(facetShare).isGreaterThan(domainShare);
	}

}
