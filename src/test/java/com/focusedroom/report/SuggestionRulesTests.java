package com.focusedroom.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.NormedProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionRulesTests {

	private static final SuggestionRules RULES = new SuggestionRules();

	private static final Set<String> FIRED = new HashSet<>();

	@ParameterizedTest(name = "{0} fires for [{1}] with stage {2} and goal {3}, from {4}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					goal.focus.self-discipline-low  | C5=1          | -             | FOCUS            | low Self-Discipline (Conscientiousness)
					goal.focus.adventurous          | O4=5          | -             | FOCUS            | high Adventurousness (Openness to Experience)
					goal.focus.distractible         | N5=5          | -             | FOCUS            | high Immoderation (Neuroticism)
					goal.focus.thorough             | C=5           | -             | FOCUS            | high Conscientiousness
					goal.focus.plan                 | E=4           | -             | FOCUS            | average Conscientiousness
					goal.career.strongest           | E=5           | -             | CAREER_DIRECTION | high Extraversion
					goal.career.explore             | -             | -             | CAREER_DIRECTION | your goal: Find a career direction that fits
					goal.leadership.quiet           | E3=1          | -             | LEADERSHIP       | low Assertiveness (Extraversion)
					goal.leadership.forceful        | E3=5          | -             | LEADERSHIP       | high Assertiveness (Extraversion)
					goal.leadership.emerging        | E=5,E3=3      | -             | LEADERSHIP       | high Extraversion
					goal.leadership.feedback        | O=4           | -             | LEADERSHIP       | average Agreeableness
					goal.teamwork.accommodating     | A4=5          | -             | TEAMWORK         | high Cooperation (Agreeableness)
					goal.teamwork.sceptical         | A1=1          | -             | TEAMWORK         | low Trust (Agreeableness)
					goal.teamwork.candid            | A=1,A1=3      | -             | TEAMWORK         | low Agreeableness
					goal.teamwork.feedback          | O=4           | -             | TEAMWORK         | average Agreeableness
					goal.wellbeing.vulnerable       | N6=5          | -             | WELLBEING        | high Vulnerability (Neuroticism)
					goal.wellbeing.sensitive        | N=4,N6=3      | -             | WELLBEING        | high Neuroticism
					goal.wellbeing.routines         | O=4           | -             | WELLBEING        | average Neuroticism
					goal.self-awareness.distinctive | O1=5,C2=1     | -             | SELF_AWARENESS   | high Imagination (Openness to Experience)
					goal.self-awareness.balanced    | -             | -             | SELF_AWARENESS   | your goal: Understand myself better
					stage.student                   | O=5           | STUDENT       | -                | high Openness to Experience
					stage.early-career              | C=5           | EARLY_CAREER  | -                | high Conscientiousness
					stage.mid-career                | A=5           | MID_CAREER    | -                | high Agreeableness
					stage.senior                    | E=5           | SENIOR        | -                | high Extraversion
					stage.career-change             | N=1           | CAREER_CHANGE | -                | low Neuroticism
					stage.returning                 | O=5           | RETURNING     | -                | high Openness to Experience
					trait.curious-unstructured      | O=5,C=1       | -             | -                | low Conscientiousness
					trait.worry-caution             | N1=5,C6=5     | -             | -                | high Anxiety (Neuroticism)
					trait.modest-unassertive        | E3=1,A5=5     | -             | -                | high Modesty (Agreeableness)
					trait.conscientiousness-low     | C=1           | -             | -                | low Conscientiousness
					trait.conscientiousness-high    | C=5           | -             | -                | high Conscientiousness
					trait.orderliness-low           | C2=2          | -             | -                | low Orderliness (Conscientiousness)
					trait.immoderation-high         | N5=5          | -             | -                | high Immoderation (Neuroticism)
					trait.neuroticism-high          | N=5           | -             | -                | high Neuroticism
					trait.neuroticism-low           | N=1           | -             | -                | low Neuroticism
					trait.extraversion-low          | E=1           | -             | -                | low Extraversion
					trait.extraversion-high         | E=5           | -             | -                | high Extraversion
					trait.openness-high             | O=5           | -             | -                | high Openness to Experience
					trait.openness-low              | O=1           | -             | -                | low Openness to Experience
					trait.agreeableness-high        | A=5           | -             | -                | high Agreeableness
					trait.agreeableness-low         | A=1           | -             | -                | low Agreeableness
					trait.all-average               | O1=4,C2=2     | -             | -                | average Openness to Experience
					fill.highest-facets             | O1=5,C2=1     | -             | -                | high Imagination (Openness to Experience)
					fill.lowest-facets              | O1=5,A6=1     | -             | -                | low Sympathy (Agreeableness)
					fill.notice-energy              | -             | -             | -                | -
					""")
	void eachRuleFiresForTheProfileItIsWrittenForAndNamesWhatItComesFrom(String rule, String profile, CareerStage stage,
			PrimaryGoal goal, String basis) {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed((profile != null) ? profile : ""), stage, goal);
		assertThat(suggestions).extracting(Suggestion::rule).contains(rule);
		Suggestion suggestion = suggestions.stream().filter((s) -> s.rule().equals(rule)).findFirst().orElseThrow();
		if (basis != null) {
			assertThat(suggestion.basis()).as("a high X is also named when very high")
				.anySatisfy((named) -> assertThat(named).endsWith(basis));
			assertThat(suggestion.line()).contains(basis);
		}
		assertThat(suggestion.line()).startsWith(suggestion.text())
			.contains("(From: ")
			.endsWith(suggestion.evidence().researchBased() ? "research: " + suggestion.evidence().citation() + ".)"
					: "craft advice.)");
		FIRED.add(rule);
	}

	@AfterAll
	static void everyRuleHasATest() {
		assertThat(FIRED).containsExactlyInAnyOrderElementsOf(RULES.ruleIds());
	}

	@Test
	void theGoalComesFirstThenTheCareerStageAndBothAreNamed() {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed("C=1,E=5"), CareerStage.MID_CAREER,
				PrimaryGoal.FOCUS);
		assertThat(suggestions.get(0).basis()).contains("your goal: Focus and get more done");
		assertThat(suggestions.get(1).basis()).contains("your career stage: Mid career");
	}

	@Test
	void aGoalRuleForAnotherGoalNeverFires() {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed("C5=1,E3=1"), null, PrimaryGoal.LEADERSHIP);
		assertThat(suggestions).extracting(Suggestion::rule)
			.contains("goal.leadership.quiet")
			.noneMatch((rule) -> rule.startsWith("goal.focus"));
	}

	@Test
	void theMostPronouncedTraitsComeFirst() {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed("E=1,O=4"), null, null);
		assertThat(suggestions).extracting(Suggestion::rule)
			.startsWith("trait.extraversion-low", "trait.openness-high");
	}

	@Test
	void aTraitAlreadyCoveredByTheGoalIsNotSuggestedTwice() {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed("C=5"), null, PrimaryGoal.FOCUS);
		assertThat(suggestions).extracting(Suggestion::rule)
			.contains("goal.focus.thorough")
			.doesNotContain("trait.conscientiousness-high");
	}

	@Test
	void aProfileWithSomeSpreadGetsAHandfulOfSuggestions() {
		for (String profile : List.of("O=4,C=2,E=3,A=4,N=2", "C5=1", "O=5,C=1,E=5,A=1,N=5,C6=5,N1=5", "N6=2")) {
			for (CareerStage stage : new CareerStage[] { null, CareerStage.SENIOR }) {
				List<Suggestion> suggestions = RULES.suggest(Profiles.normed(profile), stage, PrimaryGoal.TEAMWORK);
				assertThat(suggestions).as(profile).hasSizeBetween(SuggestionRules.LEAST, SuggestionRules.MOST);
				assertThat(suggestions).extracting(Suggestion::rule).doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void theSameInputsAlwaysGiveTheSameSuggestions() {
		List<Suggestion> first = new SuggestionRules().suggest(Profiles.normed("O=4,C2=1,N5=5"), CareerStage.STUDENT,
				PrimaryGoal.CAREER_DIRECTION);
		for (int i = 0; i < 5; i++) {
			assertThat(new SuggestionRules().suggest(Profiles.normed("O=4,C2=1,N5=5"), CareerStage.STUDENT,
					PrimaryGoal.CAREER_DIRECTION))
				.isEqualTo(first);
		}
	}

	@Test
	void eachSuggestionIsOneLineSoOldSqlReportsReadOnePerRow() {
		List<Suggestion> suggestions = RULES.suggest(Profiles.normed("O=5,C=1,E=1"), CareerStage.RETURNING,
				PrimaryGoal.WELLBEING);
		assertThat(suggestions).allSatisfy((suggestion) -> assertThat(suggestion.line()).doesNotContain("\n"));
	}

	@Test
	void differentProfilesStagesAndGoalsGetVisiblyDifferentAdvice() {
		List<String> profiles = List.of("", "C=1", "C=5", "E=1", "E=5", "O=5,C=1", "A=1", "A=5", "N=5", "N=1",
				"O=1,E=2", "E3=1,A5=5", "N1=5,C6=5", "O4=5,N5=5", "C5=1,E=4");
		Set<List<String>> sets = new HashSet<>();
		int combinations = 0;
		for (String profile : profiles) {
			for (CareerStage stage : CareerStage.values()) {
				for (PrimaryGoal goal : PrimaryGoal.values()) {
					sets.add(RULES.suggest(Profiles.normed(profile), stage, goal)
						.stream()
						.map(Suggestion::text)
						.sorted()
						.toList());
					combinations++;
				}
			}
		}
		// 15 profiles x 6 stages x 6 goals = 540 combinations; measured: 526 distinct
		// sets.
		assertThat(combinations).isEqualTo(540);
		assertThat(sets).as("distinct suggestion sets").hasSizeGreaterThanOrEqualTo(500);
	}

	@Test
	void anAveragePersonIsToldOfNoDistinctiveResultNorOfAStrongestTrait() {
		NormedProfile average = Profiles.normed("");
		assertThat(average.distinctive()).isEmpty();
		for (PrimaryGoal goal : PrimaryGoal.values()) {
			for (CareerStage stage : CareerStage.values()) {
				assertThat(RULES.suggest(average, stage, goal))
					.allSatisfy((suggestion) -> assertThat(suggestion.text()).doesNotContainIgnoringCase("distinctive")
						.doesNotContainIgnoringCase("strongest")
						.doesNotContainIgnoringCase("your highest")
						.doesNotContainIgnoringCase("your lowest")
						.doesNotContainIgnoringCase("sets you most apart"));
			}
		}
	}

	@Test
	void scoresThatCannotBeToldApartAreNamedTogetherNeverAsTheHighest() {
		NormedProfile profile = Profiles.normed("O1=5,O2=5");
		List<Suggestion> suggestions = RULES.suggest(profile, null, null);
		assertThat(suggestions).extracting(Suggestion::text)
			.noneMatch((text) -> text.startsWith("Your highest facet is Imagination")
					|| text.startsWith("Your highest facet is Artistic"));
	}

}
