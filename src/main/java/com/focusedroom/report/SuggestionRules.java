package com.focusedroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.Scores;

/**
 * The suggestions for focus and career: a fixed list of rules, each of which looks at the
 * trait and facet levels and at the person's career stage and primary goal, and gives one
 * concrete suggestion that says what it comes from.
 * <p>
 * A report gets, in this order: the first rule for the person's goal that applies, the
 * rule for their career stage, then the trait rules that apply, the most pronounced
 * traits first (distance of the scores behind the rule from the middle of the scale),
 * skipping a rule whose traits are already covered, up to {@value #MOST} suggestions.
 * When fewer than {@value #LEAST} apply, the person's highest and lowest facets fill the
 * list, as far as they stand out from the rest. Plain logic: the same scores, stage and
 * goal always give the same suggestions.
 */
final class SuggestionRules {

	static final int MOST = 6;

	static final int LEAST = 4;

	private final List<Rule> goalRules = new ArrayList<>();

	private final List<Rule> stageRules = new ArrayList<>();

	private final List<Rule> traitRules = new ArrayList<>();

	private final List<Rule> fillRules = new ArrayList<>();

	SuggestionRules() {
		goalRules();
		stageRules();
		traitRules();
		fillRules();
	}

	List<Suggestion> suggest(Scores scores, CareerStage stage, PrimaryGoal goal) {
		Profile profile = new Profile(scores, stage, goal);
		List<Suggestion> chosen = new ArrayList<>();
		Set<String> covered = new HashSet<>();
		if (goal != null) {
			firstThatApplies(this.goalRules, profile).ifPresent((rule) -> choose(rule, profile, chosen, covered));
		}
		if (stage != null) {
			firstThatApplies(this.stageRules, profile).ifPresent((rule) -> choose(rule, profile, chosen, covered));
		}
		List<Rule> traits = this.traitRules.stream()
			.filter((rule) -> rule.when().test(profile))
			.sorted(Comparator.comparingDouble((Rule rule) -> -rule.strength(profile)).thenComparing(Rule::id))
			.toList();
		for (Rule rule : traits) {
			if (chosen.size() >= MOST) {
				break;
			}
			if (!covered.containsAll(rule.traits().apply(profile))) {
				choose(rule, profile, chosen, covered);
			}
		}
		for (Rule rule : this.fillRules) {
			if (chosen.size() >= LEAST) {
				break;
			}
			if (!covered.containsAll(rule.traits().apply(profile))) {
				choose(rule, profile, chosen, covered);
			}
		}
		return List.copyOf(chosen);
	}

	/** Every rule id, for tests that check each rule fires. */
	List<String> ruleIds() {
		List<String> ids = new ArrayList<>();
		for (List<Rule> rules : List.of(this.goalRules, this.stageRules, this.traitRules, this.fillRules)) {
			rules.forEach((rule) -> ids.add(rule.id()));
		}
		return ids;
	}

	private static Optional<Rule> firstThatApplies(List<Rule> rules, Profile profile) {
		return rules.stream().filter((rule) -> rule.when().test(profile)).findFirst();
	}

	private static void choose(Rule rule, Profile profile, List<Suggestion> chosen, Set<String> covered) {
		List<String> traits = rule.traits().apply(profile);
		Set<String> basis = new LinkedHashSet<>();
		for (String code : traits) {
			basis.add(profile.describe(code));
		}
		if (rule.kind() == Kind.GOAL) {
			basis.add("your goal: " + profile.goal().label());
		}
		if (rule.kind() == Kind.STAGE) {
			basis.add("your career stage: " + profile.stage().label());
		}
		covered.addAll(traits);
		chosen.add(new Suggestion(rule.id(), rule.text().apply(profile), List.copyOf(basis)));
	}

	// Goal rules: for each goal, the first that applies is used.

	private void goalRules() {
		goal("goal.focus.self-discipline-low", PrimaryGoal.FOCUS, (p) -> p.is("C5", Level.LOW), fixed("C5"),
				(p) -> "Work in 25-minute blocks with a visible timer and one task written on paper, then take a"
						+ " five-minute break. Getting started is the hard part for you, so make the first block of"
						+ " the day the smallest and easiest.");
		goal("goal.focus.adventurous", PrimaryGoal.FOCUS, (p) -> p.is("O4", Level.HIGH), fixed("O4"),
				(p) -> "Keep a 'later' list next to you and write down every new idea or side project that tempts"
						+ " you mid-task; look through it once a week and pick at most one to start.");
		goal("goal.focus.thorough", PrimaryGoal.FOCUS, (p) -> p.is("C", Level.HIGH), fixed("C"),
				(p) -> "Cap your daily list at three must-dos and decide before you start what 'done' looks like"
						+ " for each, so that thoroughness does not turn into overwork.");
		goal("goal.focus.plan", PrimaryGoal.FOCUS, (p) -> true, fixed("C"),
				(p) -> "Before you stop work each day, write down tomorrow's three most important tasks, and do the"
						+ " first one before you open email or chat.");
		goal("goal.career.strongest", PrimaryGoal.CAREER_DIRECTION, (p) -> true, (p) -> List.of(p.strongest()),
				(p) -> "Your strongest trait, " + p.strengthName() + ", is valued in " + fields(p.strongestDomain())
						+ ". This month, talk to one person who works in such a role and ask what a normal week"
						+ " looks like.");
		goal("goal.leadership.quiet", PrimaryGoal.LEADERSHIP, (p) -> p.is("E3", Level.LOW), fixed("E3"),
				(p) -> "Lead through one-to-one conversations and clear written direction rather than by speaking"
						+ " first in big meetings: send the plan in writing a day ahead and let the meeting be"
						+ " for questions.");
		goal("goal.leadership.forceful", PrimaryGoal.LEADERSHIP,
				(p) -> p.is("E3", Level.HIGH) && !p.is("A4", Level.HIGH), fixed("E3", "A4"),
				(p) -> "In your next three meetings, ask two people for their view before you give yours, and"
						+ " change your plan at least once because of what you hear.");
		goal("goal.leadership.feedback", PrimaryGoal.LEADERSHIP, (p) -> true, fixed("E", "A"),
				(p) -> "After each project, ask your team for one thing you should keep doing as a lead and one"
						+ " you should change, and tell them what you will do about it.");
		goal("goal.teamwork.accommodating", PrimaryGoal.TEAMWORK, (p) -> p.is("A4", Level.HIGH), fixed("A4"),
				(p) -> "Agree at the start of each project who decides what, so that keeping the peace never"
						+ " stalls a decision, and say your disagreement once, calmly, before it is decided.");
		goal("goal.teamwork.sceptical", PrimaryGoal.TEAMWORK, (p) -> p.is("A1", Level.LOW), fixed("A1"),
				(p) -> "Before you conclude that a colleague is not pulling their weight, ask them what they are"
						+ " working on and what is blocking them; give trust in small steps you can check.");
		goal("goal.teamwork.feedback", PrimaryGoal.TEAMWORK, (p) -> true, fixed("A"),
				(p) -> "Before you give critical feedback, say what you value in the other person's work, and end"
						+ " with one concrete next step you agree on.");
		goal("goal.wellbeing.vulnerable", PrimaryGoal.WELLBEING, (p) -> p.is("N6", Level.HIGH), fixed("N6"),
				(p) -> "Write a short plan for your next hard week while you are calm: what you drop first, who you"
						+ " ask for help, and one thing that reliably helps you recover.");
		goal("goal.wellbeing.sensitive", PrimaryGoal.WELLBEING, (p) -> p.is("N", Level.HIGH), fixed("N"),
				(p) -> "Schedule a ten-minute walk or breathing break right after your most demanding meeting each"
						+ " day, and keep it even on busy days.");
		goal("goal.wellbeing.routines", PrimaryGoal.WELLBEING, (p) -> true, fixed("N"),
				(p) -> "Keep your calm routines in easy weeks too, and watch your sleep: a week of worse sleep is"
						+ " an early sign of overload worth acting on.");
		goal("goal.self-awareness.distinctive", PrimaryGoal.SELF_AWARENESS, (p) -> true,
				(p) -> List.of(p.mostDistinctiveFacets().get(0), p.mostDistinctiveFacets().get(1)),
				(p) -> "Your most distinctive results are " + p.describe(p.mostDistinctiveFacets().get(0)) + " and "
						+ p.describe(p.mostDistinctiveFacets().get(1)) + ". Ask two people who know you well where"
						+ " they see these help you, and where they get in your way.");
	}

	// Stage rules: one per career stage, built on the person's strongest trait.

	private void stageRules() {
		stage("stage.student", CareerStage.STUDENT, (p) -> "Choose a project or internship in "
				+ fields(p.strongestDomain()) + " to test how your " + p.strengthName() + " feels in real work.");
		stage("stage.early-career", CareerStage.EARLY_CAREER,
				(p) -> "Ask your manager for one assignment that uses your " + p.strengthName()
						+ ", and keep a short record of what you achieved with it for your next review.");
		stage("stage.mid-career", CareerStage.MID_CAREER, (p) -> "Shape your role towards the work where your "
				+ p.strengthName() + " makes the biggest difference, and hand off one recurring task that drains you.");
		stage("stage.senior", CareerStage.SENIOR, (p) -> "Build a team that complements your " + p.strengthName()
				+ ", and coach one person whose profile differs from yours.");
		stage("stage.career-change", CareerStage.CAREER_CHANGE,
				(p) -> "Roles in " + fields(p.strongestDomain()) + " reward your " + p.strengthName()
						+ "; try a small paid or volunteer project in one of them before you commit.");
		stage("stage.returning", CareerStage.RETURNING, (p) -> "Lead with your " + p.strengthName()
				+ " in applications and interviews, with one concrete recent example of it.");
	}

	// Trait rules: all that apply compete, the most pronounced traits first.

	private void traitRules() {
		trait("trait.curious-unstructured", (p) -> p.is("O", Level.HIGH) && p.is("C", Level.LOW), "O", "C",
				"Finish before you start: allow yourself a new project only when a current one is done or"
						+ " deliberately dropped, and keep your ideas on a list until then.");
		trait("trait.worry-caution", (p) -> p.is("N1", Level.HIGH) && p.is("C6", Level.HIGH), "N1", "C6",
				"Give each important decision a deadline and write down what 'good enough' means before you"
						+ " start weighing options, so that care does not turn into endless doubt.");
		trait("trait.modest-unassertive", (p) -> p.is("E3", Level.LOW) && p.is("A5", Level.HIGH), "E3", "A5",
				"Keep a running list of what you delivered and its effect, and bring it to every review: your"
						+ " work will not speak for itself as loudly as you hope.");
		trait("trait.conscientiousness-low", (p) -> p.is("C", Level.LOW), "C",
				"Keep one short written list for the day and start with the task you most want to avoid, for 25"
						+ " minutes; structure will not come by itself, so borrow it from a list, a timer or a"
						+ " colleague.");
		trait("trait.conscientiousness-high", (p) -> p.is("C", Level.HIGH), "C",
				"Pick one goal for the next quarter and plan it in weekly steps, and decide in advance what"
						+ " 'good enough' looks like so that you know when to stop polishing.");
		trait("trait.orderliness-low", (p) -> p.is("C2", Level.LOW) && !p.is("C", Level.LOW), "C2",
				"Give everything one home: one inbox, one calendar and one folder per project, and spend ten"
						+ " minutes on Friday putting the week's loose ends there.");
		trait("trait.immoderation-high", (p) -> p.is("N5", Level.HIGH), "N5",
				"Put temptations out of reach while you work: phone in another room, distracting sites blocked"
						+ " for your focus hours. Changing your surroundings is easier than resisting an urge.");
		trait("trait.neuroticism-high", (p) -> p.is("N", Level.HIGH), "N",
				"End each working day by writing down tomorrow's first task and anything on your mind, so that"
						+ " worries wait on paper, and keep a short recovery routine for after stressful moments.");
		trait("trait.neuroticism-low", (p) -> p.is("N", Level.LOW), "N",
				"Offer to take the crunch moments in your team, where your calm helps most, and check in with"
						+ " colleagues who may feel the pressure more than you show or notice.");
		trait("trait.extraversion-low", (p) -> p.is("E", Level.LOW), "E",
				"Guard two meeting-free hours a day for your best work, and prepare for meetings in writing so"
						+ " that your ideas are heard without having to fight for airtime.");
		trait("trait.extraversion-high", (p) -> p.is("E", Level.HIGH), "E",
				"Plan focused work right after a conversation that energises you, and use a short daily check-in"
						+ " with a colleague to stay on track during solitary stretches.");
		trait("trait.openness-high", (p) -> p.is("O", Level.HIGH), "O",
				"Protect one block a week for exploring a question outside your daily work, and bring back one"
						+ " idea you can try within the next month.");
		trait("trait.openness-low", (p) -> p.is("O", Level.LOW), "O",
				"Be the person who turns good ideas into reliable routines, and when change comes, ask for a"
						+ " concrete example or a small trial before you judge it.");
		trait("trait.agreeableness-high", (p) -> p.is("A", Level.HIGH), "A",
				"Practise saying 'yes, after I finish X' so that helping others does not crowd out your own"
						+ " priorities, and block time for your own work before you offer it to others.");
		trait("trait.agreeableness-low", (p) -> p.is("A", Level.LOW), "A",
				"Use your candour where candid judgement is needed, and state the shared goal before you"
						+ " disagree, so that people hear the point rather than the push.");
		Rule average = new Rule("trait.all-average", Kind.TRAIT,
				(p) -> p.scores().domains().stream().allMatch((d) -> d.level() == Level.AVERAGE),
				(p) -> List.of("O", "C", "E", "A", "N"),
				(p) -> "With all five traits in the middle range you adapt to many ways of working. This week, note"
						+ " which tasks leave you with energy and which drain you, and plan your hardest work for"
						+ " the first kind of moment.",
				true);
		this.traitRules.add(average);
	}

	// Fill rules: the person's own highest and lowest facets, when too few rules apply.

	private void fillRules() {
		this.fillRules.add(new Rule("fill.highest-facet", Kind.TRAIT, (p) -> p.standsOut(p.highestFacets().get(0)),
				(p) -> List.of(p.highestFacets().get(0)),
				(p) -> "Your highest facet is " + p.name(p.highestFacets().get(0))
						+ ": look for one task each week that calls on it, and name it when you describe what you"
						+ " are good at.",
				false));
		this.fillRules.add(new Rule("fill.lowest-facet", Kind.TRAIT, (p) -> p.standsOut(p.lowestFacets().get(0)),
				(p) -> List.of(p.lowestFacets().get(0)),
				(p) -> "Your lowest facet is " + p.name(p.lowestFacets().get(0))
						+ ": where a task depends on it, plan extra time or pair with someone for whom it comes"
						+ " easily.",
				false));
		this.fillRules
			.add(new Rule("fill.second-highest-facet", Kind.TRAIT, (p) -> p.standsOut(p.highestFacets().get(1)),
					(p) -> List.of(p.highestFacets().get(1)), (p) -> "Your " + p.name(p.highestFacets().get(1))
							+ " is another strength: in your next project," + " take on the part that needs it most.",
					false));
	}

	private void goal(String id, PrimaryGoal goal, Predicate<Profile> when, Function<Profile, List<String>> traits,
			Function<Profile, String> text) {
		this.goalRules.add(new Rule(id, Kind.GOAL, (p) -> p.goal() == goal && when.test(p), traits, text, false));
	}

	private void stage(String id, CareerStage stage, Function<Profile, String> text) {
		this.stageRules
			.add(new Rule(id, Kind.STAGE, (p) -> p.stage() == stage, (p) -> List.of(p.strongest()), text, false));
	}

	private void trait(String id, Predicate<Profile> when, String code, String text) {
		this.traitRules.add(new Rule(id, Kind.TRAIT, when, fixed(code), (p) -> text, false));
	}

	private void trait(String id, Predicate<Profile> when, String first, String second, String text) {
		this.traitRules.add(new Rule(id, Kind.TRAIT, when, fixed(first, second), (p) -> text, false));
	}

	private static Function<Profile, List<String>> fixed(String... codes) {
		List<String> list = List.of(codes);
		return (p) -> list;
	}

	private static String fields(Domain domain) {
		return switch (domain) {
			case OPENNESS -> "research, design, strategy or writing";
			case CONSCIENTIOUSNESS -> "project management, operations, finance or engineering";
			case EXTRAVERSION -> "sales, teaching, consulting or team leadership";
			case AGREEABLENESS -> "healthcare, counselling, people operations or customer success";
			case NEUROTICISM -> "incident response, negotiation or other high-stakes work";
		};
	}

	enum Kind {

		GOAL, STAGE, TRAIT

	}

	/**
	 * One rule.
	 *
	 * @param id stable id, for tests and logs
	 * @param kind goal, stage or trait rule
	 * @param when whether it applies to a profile
	 * @param traits the domain and facet codes it comes from
	 * @param text the suggestion
	 * @param first whether it goes before every other trait rule when it applies
	 */
	record Rule(String id, Kind kind, Predicate<Profile> when, Function<Profile, List<String>> traits,
			Function<Profile, String> text, boolean first) {

		double strength(Profile profile) {
			if (this.first) {
				return Double.MAX_VALUE;
			}
			return this.traits.apply(profile)
				.stream()
				.mapToDouble((code) -> Math.abs(profile.score(code) - 50))
				.average()
				.orElse(0);
		}

	}

	/**
	 * What the rules look at.
	 *
	 * @param scores the scores
	 * @param stage career stage, or null
	 * @param goal primary goal, or null
	 */
	record Profile(Scores scores, CareerStage stage, PrimaryGoal goal) {

		boolean is(String code, Level level) {
			return level(code) == level;
		}

		Level level(String code) {
			return (code.length() == 1) ? this.scores.of(Domain.ofCode(code)).level() : this.scores.facet(code).level();
		}

		double score(String code) {
			return (code.length() == 1) ? this.scores.of(Domain.ofCode(code)).score() : this.scores.facet(code).score();
		}

		String name(String code) {
			if (code.length() == 1) {
				return Domain.ofCode(code).displayName();
			}
			return this.scores.facet(code).facet().name() + " ("
					+ this.scores.facet(code).facet().domain().displayName() + ")";
		}

		/** "low Self-Discipline (Conscientiousness)", "high Openness to Experience". */
		String describe(String code) {
			return level(code).name().toLowerCase(Locale.ROOT) + " " + name(code);
		}

		/**
		 * The domain code of the strength that most shapes work: the highest of O, C, E,
		 * A and calm (100 minus N); ties go to the earlier domain in OCEAN order.
		 */
		String strongest() {
			return strongestDomain().code();
		}

		Domain strongestDomain() {
			Domain strongest = Domain.OPENNESS;
			double best = -1;
			for (Scores.DomainScore score : this.scores.domains()) {
				double strength = (score.domain() == Domain.NEUROTICISM) ? 100 - score.score() : score.score();
				if (strength > best) {
					best = strength;
					strongest = score.domain();
				}
			}
			return strongest;
		}

		String strengthName() {
			Domain domain = strongestDomain();
			return (domain == Domain.NEUROTICISM) ? "calm under pressure (low Neuroticism)" : domain.displayName();
		}

		/**
		 * Facet codes outside Neuroticism (where low is not a weakness nor high a
		 * strength), lowest score first; ties in inventory order.
		 */
		List<String> lowestFacets() {
			return facets().filter((facet) -> facet.facet().domain() != Domain.NEUROTICISM)
				.sorted(Comparator.comparingDouble(Scores.FacetScore::score))
				.map((facet) -> facet.facet().code())
				.toList();
		}

		/**
		 * Facet codes outside Neuroticism, highest score first; ties in inventory order.
		 */
		List<String> highestFacets() {
			return facets().filter((facet) -> facet.facet().domain() != Domain.NEUROTICISM)
				.sorted(Comparator.comparingDouble((Scores.FacetScore facet) -> -facet.score()))
				.map((facet) -> facet.facet().code())
				.toList();
		}

		/**
		 * Whether a facet's score differs from the mean of all 30 by 10 points or more.
		 */
		boolean standsOut(String code) {
			double mean = facets().mapToDouble(Scores.FacetScore::score).average().orElse(50);
			return Math.abs(score(code) - mean) >= 10;
		}

		private Stream<Scores.FacetScore> facets() {
			return this.scores.domains().stream().flatMap((domain) -> domain.facets().stream());
		}

		/**
		 * Facet codes, furthest from the middle of the scale first; ties in inventory
		 * order.
		 */
		List<String> mostDistinctiveFacets() {
			return this.scores.domains()
				.stream()
				.flatMap((domain) -> domain.facets().stream())
				.sorted(Comparator.comparingDouble((Scores.FacetScore facet) -> -Math.abs(facet.score() - 50)))
				.map((facet) -> facet.facet().code())
				.toList();
		}

	}

}
