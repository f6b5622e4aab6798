package com.focusedroom.scoring;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormedProfileTests {

	private static final Inventory INVENTORY = Inventory.ipipNeo120();

	private final Scorer scorer = new Scorer(INVENTORY);

	@Test
	void aProfileSaysWhichNormGroupItUsed() {
		Scores scores = this.scorer.score(Responders.same(3));
		assertThat(NormedProfile.of(scores, 34).reference().label()).isEqualTo("people aged 21 to 40");
		assertThat(NormedProfile.of(scores, null).reference().label()).isEqualTo("people of all ages");
	}

	@Test
	void levelWordsFollowTheNormsNotTheRawScale() {
		// The case: a raw score in the raw scale's "average" range can be far
		// below other people; the level word now says so.
		Scores scores = this.scorer.score(Responders.same(3));
		NormedProfile profile = NormedProfile.of(scores, 34);
		NormedScore openness = profile.of(Domain.OPENNESS);
		assertThat(openness.score()).isEqualTo(50.0);
		assertThat(openness.percentile()).isLessThan(15);
		assertThat(openness.level()).isIn(NormedLevel.LOW, NormedLevel.VERY_LOW);
	}

	@Test
	void aPersonAtTheGroupsMeanIsAverageEverywhereAndNothingIsDistinctive() {
		Norms.Group women = Norms.johnson2014().group(Sex.FEMALE, 45).orElseThrow();
		Norms.Group men = Norms.johnson2014().group(Sex.MALE, 45).orElseThrow();
		NormedProfile profile = NormedProfile.of(atMeans(women, men), 45);
		for (NormedScore score : profile.all()) {
			assertThat(score.level()).as(score.scale()).isEqualTo(NormedLevel.AVERAGE);
			assertThat(score.percentile()).as(score.scale()).isBetween(35, 65);
		}
		assertThat(profile.distinctive()).isEmpty();
	}

	@Test
	void theHighestAreNamedTogetherWhenTheyCannotBeToldApart() {
		NormedProfile profile = NormedProfile.of(this.scorer.score(Responders.careful(new java.util.Random(3))), 30);
		List<NormedScore> facets = profile.facets();
		List<NormedScore> highest = profile.highest(facets);
		NormedScore top = highest.get(0);
		assertThat(facets).allSatisfy((facet) -> assertThat(facet.z()).isLessThanOrEqualTo(top.z()));
		for (NormedScore other : facets) {
			assertThat(highest.contains(other)).as(other.scale())
				.isEqualTo(other == top || !profile.distinguishable(top, other));
		}
		assertThat(highest.size()).as("4-item facets are seldom clearly apart").isGreaterThan(1);
		assertThat(profile.lowest(facets).get(0).z()).isLessThanOrEqualTo(profile.highest(facets).get(0).z());
	}

	@Test
	void distinctiveScoresHaveTheirWholeBandOnOneSideAndComeFurthestFirst() {
		NormedProfile profile = NormedProfile.of(this.scorer.score(Responders.careful(new java.util.Random(11))), 52);
		List<NormedScore> distinctive = profile.distinctive();
		assertThat(distinctive).isNotEmpty();
		double previous = Double.MAX_VALUE;
		for (NormedScore score : distinctive) {
			assertThat(score.band().aboveMiddle() || score.band().belowMiddle()).isTrue();
			assertThat(Math.abs(score.z())).isLessThanOrEqualTo(previous);
			previous = Math.abs(score.z());
		}
	}

	@Test
	void theSupportNoteAppearsOnlyWhenDepressionAnxietyOrVulnerabilityIsVeryHigh() {
		List<Integer> calm = new ArrayList<>(Responders.same(3));
		assertThat(NormedProfile.of(this.scorer.score(calm), 30).supportNote().shown()).isFalse();
		for (String code : SupportNote.FACETS) {
			List<Integer> answers = new ArrayList<>(calm);
			for (Item item : INVENTORY.items()) {
				if (item.facet().code().equals(code)) {
					answers.set(item.position() - 1, item.reversed() ? 1 : 5);
				}
			}
			SupportNote note = NormedProfile.of(this.scorer.score(answers), 30).supportNote();
			assertThat(note.shown()).as(code).isTrue();
			assertThat(note.veryHigh()).extracting(NormedScore::scale).containsExactly(code);
		}
		List<Integer> angry = new ArrayList<>(calm);
		for (Item item : INVENTORY.items()) {
			if (item.facet().code().equals("N2")) {
				angry.set(item.position() - 1, item.reversed() ? 1 : 5);
			}
		}
		assertThat(NormedProfile.of(this.scorer.score(angry), 30).supportNote().shown()).as("Anger is not one")
			.isFalse();
	}

	/** Scores whose raw values are the mixture's means, rounded. */
	private static Scores atMeans(Norms.Group women, Norms.Group men) {
		List<Scores.DomainScore> domains = new ArrayList<>();
		for (Domain domain : Domain.values()) {
			List<Scores.FacetScore> facets = new ArrayList<>();
			for (Facet facet : INVENTORY.facetsOf(domain)) {
				int raw = (int) Math.round((women.norm(facet.code()).mean() + men.norm(facet.code()).mean()) / 2);
				facets.add(new Scores.FacetScore(facet, raw, Scorer.scale(raw, 4), Level.AVERAGE));
			}
			int raw = (int) Math.round((women.norm(domain.code()).mean() + men.norm(domain.code()).mean()) / 2);
			domains.add(new Scores.DomainScore(domain, raw, Scorer.scale(raw, 24), Level.AVERAGE, facets));
		}
		return new Scores(domains);
	}

}
