package com.focusedroom.scoring;

import java.util.List;

/**
 * Whether a report adds its calm note on where to find support: when Depression (N3),
 * Anxiety (N1) or Vulnerability (N6) is very high by the norms (percentile 94 or more,
 * {@link NormedLevel#VERY_HIGH}). A personality test does not assess mental health; the
 * note is an offer, not a finding.
 *
 * @param veryHigh the facets that are very high, in the order N3, N1, N6; empty when the
 * note is not shown
 */
public record SupportNote(List<NormedScore> veryHigh) {

	/** The facets that can call for the note, most direct first. */
	public static final List<String> FACETS = List.of("N3", "N1", "N6");

	public SupportNote {
		veryHigh = List.copyOf(veryHigh);
	}

	public static SupportNote of(NormedProfile profile) {
		return new SupportNote(
				FACETS.stream().map(profile::of).filter((score) -> score.level() == NormedLevel.VERY_HIGH).toList());
	}

	/** Whether the report shows the note. */
	public boolean shown() {
		return !this.veryHigh.isEmpty();
	}

}
