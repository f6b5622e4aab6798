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

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.NormedProfile;
import com.focusedroom.scoring.NormedScore;

/**
 * The suggestions for focus and career: a fixed list of rules, each of which looks at the
 * person's <em>normed</em> profile (levels from the percentile among people of their age,
 * {@link NormedProfile}) and at their career stage and primary goal, and gives one
 * concrete suggestion that says what it comes from and whether it rests on a research
 * finding (cited in SOURCES.md) or is craft advice.
 * <p>
 * A report gets, in this order: the first rule for the person's goal that applies, the
 * rule for their career stage, then the trait rules that apply, the traits furthest from
 * the middle of the norm group first, skipping a rule whose traits are already covered,
 * up to {@value #MOST} suggestions. When fewer than {@value #LEAST} apply, the person's
 * highest and lowest facets fill the list when they stand out from the norm group. "Your
 * strongest", "your highest" and "your most distinctive" follow the precision of the
 * scores: a single scale is named only when it can be told apart from the next
 * ({@link NormedProfile#highest}); otherwise the scales are named together. Plain logic:
 * the same profile, stage and goal always give the same suggestions.
 */
final class SuggestionRules {

	static final int MOST = 6;

	static final int LEAST = 3;

	static final Suggestion.Evidence STEEL = Suggestion.Evidence.research("Steel (2007)",
			"procrastination goes with low conscientiousness, above all low self-control and self-discipline");

	static final Suggestion.Evidence GOLLWITZER = Suggestion.Evidence.research("Gollwitzer & Sheeran (2006)",
			"if-then plans that fix when and where to act make people more likely to follow through on their goals");

	static final Suggestion.Evidence BARRICK_MOUNT = Suggestion.Evidence.research("Barrick & Mount (1991)",
			"conscientiousness predicts job performance in every occupational group studied");

	static final Suggestion.Evidence BARRICK_MOUNT_EXTRAVERSION = Suggestion.Evidence.research("Barrick & Mount (1991)",
			"extraversion predicts performance in jobs with much social contact, such as"
					+ " management and sales, and openness predicts how well people learn in training");

	static final Suggestion.Evidence INTERESTS = Suggestion.Evidence.research("Barrick, Mount & Gupta (2003)",
			"personality traits go with vocational interests: extraversion with enterprising and social work,"
					+ " openness with investigative and artistic work, conscientiousness with conventional work,"
					+ " agreeableness with social work");

	static final Suggestion.Evidence LEADERSHIP = Suggestion.Evidence.research("Judge, Bono, Ilies & Gerhardt (2002)",
			"extraversion is the most consistent trait correlate of who emerges as a leader");

	static final Suggestion.Evidence PROACTIVE_TEAMS = Suggestion.Evidence.research("Grant, Gino & Hofmann (2011)",
			"teams of proactive people do better with less extraverted leaders, who take up their ideas, than"
					+ " with extraverted ones");

	static final Suggestion.Evidence TEAMS = Suggestion.Evidence.research("Mount, Barrick & Stewart (1998)",
			"agreeableness and emotional stability matter most for performance in jobs built on teamwork and"
					+ " dealing with people");

	static final Suggestion.Evidence RECOVERY = Suggestion.Evidence.research("Sonnentag & Fritz (2007)",
			"switching off from work in free time (detachment, relaxation) goes with less exhaustion");

	static final Suggestion.Evidence OTHERS_SEE = Suggestion.Evidence.research("Vazire (2010)",
			"others who know us well see some traits, especially how we come across, more accurately than we do");

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

	List<Suggestion> suggest(NormedProfile normed, CareerStage stage, PrimaryGoal goal) {
		Profile profile = new Profile(normed, stage, goal);
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
			List<String> ruleTraits = rule.traits().apply(profile);
			if (rule.when().test(profile) && (ruleTraits.isEmpty() || !covered.containsAll(ruleTraits))) {
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
		chosen.add(new Suggestion(rule.id(), rule.text().apply(profile), List.copyOf(basis),
				rule.evidence().apply(profile)));
	}

	// Goal rules: for each goal, the first that applies is used.

	private void goalRules() {
		goal("goal.focus.self-discipline-low", PrimaryGoal.FOCUS, (p) -> p.is("C5", Level.LOW), fixed("C5"), STEEL,
				(p) -> "Getting started is the hard part for you, more than for most people. Each evening, write"
						+ " one if-then plan for the next morning (\"at 9:00 at my desk I open the draft and write"
						+ " for 25 minutes\"), and make that first block the smallest and easiest of the day.");
		goal("goal.focus.adventurous", PrimaryGoal.FOCUS, (p) -> p.is("O4", Level.HIGH), fixed("O4"), craft(),
				(p) -> "Keep a 'later' list next to you and write down every new idea or side project that tempts"
						+ " you mid-task; look through it once a week and pick at most one to start.");
		goal("goal.focus.distractible", PrimaryGoal.FOCUS, (p) -> p.is("N5", Level.HIGH), fixed("N5"), craft(),
				(p) -> "Decide your two focus hours in advance and make the usual temptations hard to reach for"
						+ " them (phone in another room, sites blocked): changing your surroundings is easier"
						+ " than resisting each urge.");
		goal("goal.focus.thorough", PrimaryGoal.FOCUS, (p) -> p.is("C", Level.HIGH), fixed("C"), craft(),
				(p) -> "Cap your daily list at three must-dos and decide before you start what 'done' looks like"
						+ " for each, so that thoroughness does not turn into overwork.");
		goal("goal.focus.plan", PrimaryGoal.FOCUS, (p) -> true, fixed("C"), GOLLWITZER,
				(p) -> "Before you stop work each day, write down tomorrow's three most important tasks and when"
						+ " and where you will start the first, and do it before you open email or chat.");
		goal("goal.career.strongest", PrimaryGoal.CAREER_DIRECTION, (p) -> !p.strengths().isEmpty(),
				Profile::strengthCodes, (p) -> p.strengthsEvidence(),
				(p) -> p.yourStrengths() + " " + (p.strengths().size() == 1 ? "is" : "are") + " valued in " + p.fields()
						+ ". This month, talk to one person who works in such a role and ask what a"
						+ " normal week looks like.");
		goal("goal.career.explore", PrimaryGoal.CAREER_DIRECTION, (p) -> true, fixed(), craft(),
				(p) -> "None of your traits stands far enough from the middle to point to one kind of work, so let"
						+ " interests decide: list three roles you are curious about and spend one afternoon with"
						+ " someone in each before you choose.");
		goal("goal.leadership.quiet", PrimaryGoal.LEADERSHIP, (p) -> p.is("E3", Level.LOW), fixed("E3"),
				PROACTIVE_TEAMS,
				(p) -> "Lead through one-to-one conversations and clear written direction rather than by speaking"
						+ " first in big meetings: send the plan in writing a day ahead, let the meeting be for"
						+ " questions, and take up your team's ideas visibly; that is where a quieter lead is strong.");
		goal("goal.leadership.forceful", PrimaryGoal.LEADERSHIP,
				(p) -> p.is("E3", Level.HIGH) && !p.is("A4", Level.HIGH), fixed("E3", "A4"), PROACTIVE_TEAMS,
				(p) -> "In your next three meetings, ask two people for their view before you give yours, and"
						+ " change your plan at least once because of what you hear.");
		goal("goal.leadership.emerging", PrimaryGoal.LEADERSHIP, (p) -> p.is("E", Level.HIGH), fixed("E"), LEADERSHIP,
				(p) -> "People tend to look to someone like you to lead: volunteer to lead one small, visible"
						+ " piece of work this quarter, and agree with your manager up front what success means.");
		goal("goal.leadership.feedback", PrimaryGoal.LEADERSHIP, (p) -> true, fixed("E", "A"), craft(),
				(p) -> "After each project, ask your team for one thing you should keep doing as a lead and one"
						+ " you should change, and tell them what you will do about it.");
		goal("goal.teamwork.accommodating", PrimaryGoal.TEAMWORK, (p) -> p.is("A4", Level.HIGH), fixed("A4"), craft(),
				(p) -> "Agree at the start of each project who decides what, so that keeping the peace never"
						+ " stalls a decision, and say your disagreement once, calmly, before it is decided.");
		goal("goal.teamwork.sceptical", PrimaryGoal.TEAMWORK, (p) -> p.is("A1", Level.LOW), fixed("A1"), craft(),
				(p) -> "Before you conclude that a colleague is not pulling their weight, ask them what they are"
						+ " working on and what is blocking them; give trust in small steps you can check.");
		goal("goal.teamwork.candid", PrimaryGoal.TEAMWORK, (p) -> p.is("A", Level.LOW), fixed("A"), TEAMS,
				(p) -> "In team work, how you disagree counts as much as being right: in your next three"
						+ " disagreements, first repeat the other person's point in your own words, then give yours.");
		goal("goal.teamwork.feedback", PrimaryGoal.TEAMWORK, (p) -> true, fixed("A"), craft(),
				(p) -> "Before you give critical feedback, say what you value in the other person's work, and end"
						+ " with one concrete next step you agree on.");
		goal("goal.wellbeing.vulnerable", PrimaryGoal.WELLBEING, (p) -> p.is("N6", Level.HIGH), fixed("N6"), craft(),
				(p) -> "Write a short plan for your next hard week while you are calm: what you drop first, who you"
						+ " ask for help, and one thing that reliably helps you recover.");
		goal("goal.wellbeing.sensitive", PrimaryGoal.WELLBEING, (p) -> p.is("N", Level.HIGH), fixed("N"), RECOVERY,
				(p) -> "Give your evenings a clear end to work: a fixed time after which you do not read work"
						+ " messages, and something absorbing that is not work (sport, music, friends).");
		goal("goal.wellbeing.routines", PrimaryGoal.WELLBEING, (p) -> true, fixed("N"), craft(),
				(p) -> "Keep your calm routines in easy weeks too, and watch your sleep: a week of worse sleep is"
						+ " an early sign of overload worth acting on.");
		goal("goal.self-awareness.distinctive", PrimaryGoal.SELF_AWARENESS, (p) -> !p.distinctive().isEmpty(),
				(p) -> p.distinctive().stream().limit(2).toList(), (p) -> OTHERS_SEE,
				(p) -> "What sets you most apart from " + p.normed().reference().label() + " is "
						+ p.and(p.distinctive().stream().limit(2).map(p::describe).toList()) + ". Ask two people who"
						+ " know you well where they see this help you, and where it gets in your way.");
		goal("goal.self-awareness.balanced", PrimaryGoal.SELF_AWARENESS, (p) -> true, fixed(), OTHERS_SEE,
				(p) -> "None of your results stands clearly apart from " + p.normed().reference().label()
						+ ", which is common. Ask two people who know you well which situations bring out your"
						+ " best and which your worst; they often see patterns a questionnaire misses.");
	}

	// Stage rules: one per career stage, built on the person's strengths when they have
	// any that stand out.

	private void stageRules() {
		stage("stage.student", CareerStage.STUDENT,
				(p) -> "Choose a project or internship in " + p.fields() + " to test how your " + p.strengthNames()
						+ " feels in real work.",
				"Try two short projects or internships of different kinds (one with people, one with things or"
						+ " data) and note which left you with more energy.");
		stage("stage.early-career", CareerStage.EARLY_CAREER,
				(p) -> "Ask your manager for one assignment that uses your " + p.strengthNames()
						+ ", and keep a short record of what you achieved with it for your next review.",
				"Keep a short weekly record of what you achieved and what it took, and bring it to your next"
						+ " review: it shows you and your manager where you do your best work.");
		stage("stage.mid-career", CareerStage.MID_CAREER,
				(p) -> "Shape your role towards the work where your " + p.strengthNames()
						+ " makes the biggest difference, and hand off one recurring task that drains you.",
				"List your recurring tasks by the energy they give or take, and hand off or redesign one that"
						+ " drains you this quarter.");
		stage("stage.senior", CareerStage.SENIOR,
				(p) -> "Build a team that complements your " + p.strengthNames()
						+ ", and coach one person whose profile differs from yours.",
				"Ask each person in your team what kind of work they do best, and give each one task this"
						+ " quarter that plays to it.");
		stage("stage.career-change", CareerStage.CAREER_CHANGE,
				(p) -> "Roles in " + p.fields() + " reward your " + p.strengthNames()
						+ "; try a small paid or volunteer project in one of them before you commit.",
				"Before you commit to a new field, try a small paid or volunteer project in it, and talk to"
						+ " two people who have made the same change.");
		stage("stage.returning", CareerStage.RETURNING,
				(p) -> "Lead with your " + p.strengthNames()
						+ " in applications and interviews, with one concrete recent example of it.",
				"In applications and interviews, lead with two concrete recent examples of what you did well,"
						+ " from work or outside it.");
	}

	// Trait rules: all that apply compete, the traits furthest from the norm group's
	// middle first.

	private void traitRules() {
		trait("trait.curious-unstructured", (p) -> p.is("O", Level.HIGH) && p.is("C", Level.LOW), craft(),
				"Finish before you start: allow yourself a new project only when a current one is done or"
						+ " deliberately dropped, and keep your ideas on a list until then.",
				"O", "C");
		trait("trait.worry-caution", (p) -> p.is("N1", Level.HIGH) && p.is("C6", Level.HIGH), craft(),
				"Give each important decision a deadline and write down what 'good enough' means before you"
						+ " start weighing options, so that care does not turn into endless doubt.",
				"N1", "C6");
		trait("trait.modest-unassertive", (p) -> p.is("E3", Level.LOW) && p.is("A5", Level.HIGH), craft(),
				"Keep a running list of what you delivered and its effect, and bring it to every review: your"
						+ " work will not speak for itself as loudly as you hope.",
				"E3", "A5");
		trait("trait.conscientiousness-low", (p) -> p.is("C", Level.LOW), STEEL,
				"Keep one short written list for the day and start with the task you most want to avoid, for 25"
						+ " minutes; structure will not come by itself, so borrow it from a list, a timer or a"
						+ " colleague.",
				"C");
		trait("trait.conscientiousness-high", (p) -> p.is("C", Level.HIGH), BARRICK_MOUNT,
				"Your conscientiousness is an asset in almost any job: make it visible by owning one"
						+ " deliverable end to end this quarter, and decide in advance what 'good enough' looks"
						+ " like so that you know when to stop polishing.",
				"C");
		trait("trait.orderliness-low", (p) -> p.is("C2", Level.LOW) && !p.is("C", Level.LOW), craft(),
				"Give everything one home: one inbox, one calendar and one folder per project, and spend ten"
						+ " minutes on Friday putting the week's loose ends there.",
				"C2");
		trait("trait.immoderation-high", (p) -> p.is("N5", Level.HIGH), craft(),
				"Put temptations out of reach while you work: phone in another room, distracting sites blocked"
						+ " for your focus hours. Changing your surroundings is easier than resisting an urge.",
				"N5");
		trait("trait.neuroticism-high", (p) -> p.is("N", Level.HIGH), craft(),
				"End each working day by writing down tomorrow's first task and anything on your mind, so that"
						+ " worries wait on paper, and keep a short recovery routine for after stressful moments.",
				"N");
		trait("trait.neuroticism-low", (p) -> p.is("N", Level.LOW), craft(),
				"Offer to take the crunch moments in your team, where your calm helps most, and check in with"
						+ " colleagues who may feel the pressure more than you show or notice.",
				"N");
		trait("trait.extraversion-low", (p) -> p.is("E", Level.LOW), craft(),
				"Guard two meeting-free hours a day for your best work, and prepare for meetings in writing so"
						+ " that your ideas are heard without having to fight for airtime.",
				"E");
		trait("trait.extraversion-high", (p) -> p.is("E", Level.HIGH), BARRICK_MOUNT_EXTRAVERSION,
				"Look for the parts of your work with the most contact (clients, presentations, bringing people"
						+ " together), and plan focused work right after a conversation that energises you.",
				"E");
		trait("trait.openness-high", (p) -> p.is("O", Level.HIGH), BARRICK_MOUNT_EXTRAVERSION,
				"You learn readily from new material: ask for one training, stretch project or new tool this"
						+ " quarter, and bring back one idea you can try within a month.",
				"O");
		trait("trait.openness-low", (p) -> p.is("O", Level.LOW), craft(),
				"Be the person who turns good ideas into reliable routines, and when change comes, ask for a"
						+ " concrete example or a small trial before you judge it.",
				"O");
		trait("trait.agreeableness-high", (p) -> p.is("A", Level.HIGH), craft(),
				"Practise saying 'yes, after I finish X' so that helping others does not crowd out your own"
						+ " priorities, and block time for your own work before you offer it to others.",
				"A");
		trait("trait.agreeableness-low", (p) -> p.is("A", Level.LOW), TEAMS,
				"Use your candour where candid judgement is needed, and state the shared goal before you"
						+ " disagree, so that people hear the point rather than the push.",
				"A");
		this.traitRules.add(new Rule("trait.all-average", Kind.TRAIT,
				(p) -> p.normed().domains().stream().allMatch((d) -> d.level().coarse() == Level.AVERAGE),
				(p) -> List.of("O", "C", "E", "A", "N"), (p) -> Suggestion.Evidence.CRAFT,
				(p) -> "With all five traits in the middle range of " + p.normed().reference().label()
						+ " you adapt to many ways of working. This week, note which tasks leave you with energy"
						+ " and which drain you, and plan your hardest work for the first kind of moment.",
				true));
	}

	// Fill rules: the person's own highest and lowest facets, when too few rules apply
	// and
	// they stand out from the norm group.

	private void fillRules() {
		this.fillRules.add(new Rule("fill.highest-facets", Kind.TRAIT,
				(p) -> !p.highestFacets().isEmpty() && p.highestFacets().get(0).band().aboveMiddle(),
				(p) -> p.codes(p.highestFacets()), (p) -> Suggestion.Evidence.CRAFT,
				(p) -> ((p.highestFacets().size() == 1) ? "Your highest facet is " + p.names(p.highestFacets())
						: "Your highest facets, too close to tell apart, are " + p.names(p.highestFacets()))
						+ ": look for one task each week that calls on them, and name them when you describe"
						+ " what you are good at.",
				false));
		this.fillRules.add(new Rule("fill.lowest-facets", Kind.TRAIT,
				(p) -> !p.lowestFacets().isEmpty() && p.lowestFacets().get(0).band().belowMiddle(),
				(p) -> p.codes(p.lowestFacets()), (p) -> Suggestion.Evidence.CRAFT,
				(p) -> ((p.lowestFacets().size() == 1) ? "Your lowest facet is " + p.names(p.lowestFacets())
						: "Your lowest facets, too close to tell apart, are " + p.names(p.lowestFacets()))
						+ ": where a task depends on them, plan extra time or pair with someone for whom they"
						+ " come easily.",
				false));
		this.fillRules
			.add(new Rule("fill.notice-energy", Kind.TRAIT, (p) -> true, fixed(), (p) -> Suggestion.Evidence.CRAFT,
					(p) -> "For two weeks, write down at the end of each day which task gave you energy and which took"
							+ " it; the pattern says more about the work that suits you than any single score.",
					false));
	}

	private void goal(String id, PrimaryGoal goal, Predicate<Profile> when, Function<Profile, List<String>> traits,
			Suggestion.Evidence evidence, Function<Profile, String> text) {
		goal(id, goal, when, traits, (p) -> evidence, text);
	}

	private void goal(String id, PrimaryGoal goal, Predicate<Profile> when, Function<Profile, List<String>> traits,
			Function<Profile, Suggestion.Evidence> evidence, Function<Profile, String> text) {
		this.goalRules
			.add(new Rule(id, Kind.GOAL, (p) -> p.goal() == goal && when.test(p), traits, evidence, text, false));
	}

	private void stage(String id, CareerStage stage, Function<Profile, String> withStrengths, String without) {
		this.stageRules.add(new Rule(id, Kind.STAGE, (p) -> p.stage() == stage, Profile::strengthCodes,
				(p) -> Suggestion.Evidence.CRAFT, (p) -> p.strengths().isEmpty() ? without : withStrengths.apply(p),
				false));
	}

	private void trait(String id, Predicate<Profile> when, Suggestion.Evidence evidence, String text, String... codes) {
		this.traitRules.add(new Rule(id, Kind.TRAIT, when, fixed(codes), (p) -> evidence, (p) -> text, false));
	}

	private static Suggestion.Evidence craft() {
		return Suggestion.Evidence.CRAFT;
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
	 * @param evidence what it rests on
	 * @param text the suggestion
	 * @param first whether it goes before every other trait rule when it applies
	 */
	record Rule(String id, Kind kind, Predicate<Profile> when, Function<Profile, List<String>> traits,
			Function<Profile, Suggestion.Evidence> evidence, Function<Profile, String> text, boolean first) {

		/**
		 * How far the rule's scales lie from the norm group's middle, in standard units.
		 */
		double strength(Profile profile) {
			if (this.first) {
				return Double.MAX_VALUE;
			}
			return this.traits.apply(profile)
				.stream()
				.mapToDouble((code) -> Math.abs(profile.normed().of(code).z()))
				.average()
				.orElse(0);
		}

	}

	/**
	 * What the rules look at.
	 *
	 * @param normed the normed profile
	 * @param stage career stage, or null
	 * @param goal primary goal, or null
	 */
	record Profile(NormedProfile normed, CareerStage stage, PrimaryGoal goal) {

		/** Whether the scale's normed level, in three words, is the given one. */
		boolean is(String code, Level level) {
			return this.normed.of(code).level().coarse() == level;
		}

		String name(String code) {
			if (code.length() == 1) {
				return Domain.ofCode(code).displayName();
			}
			return this.normed.of(code).name() + " (" + Domain.ofCode(code.substring(0, 1)).displayName() + ")";
		}

		/**
		 * "low Self-Discipline (Conscientiousness)", "very high Openness to Experience".
		 */
		String describe(String code) {
			return this.normed.of(code).level().label().toLowerCase(Locale.ROOT) + " " + name(code);
		}

		String describe(NormedScore score) {
			return describe(score.scale());
		}

		/**
		 * The strengths that most shape work: the domains O, C, E, A that are high by the
		 * norms and calm (low Neuroticism), the highest together with every one that
		 * cannot be told apart from it, at most three; empty when none is high.
		 */
		List<NormedScore> strengths() {
			List<NormedScore> candidates = new ArrayList<>();
			for (NormedScore domain : this.normed.domains()) {
				NormedScore strength = domain.scale().equals("N") ? flipped(domain) : domain;
				if (strength.level().coarse() == Level.HIGH || (domain.scale().equals("N") && is("N", Level.LOW))) {
					candidates.add(strength);
				}
			}
			return this.normed.highest(candidates).stream().limit(3).toList();
		}

		private static NormedScore flipped(NormedScore score) {
			return new NormedScore(score.scale(), score.name(), score.raw(), score.score(), 100 - score.percentile(),
					-score.z(), score.level(), score.reliability(), score.standardError(), score.band());
		}

		List<String> strengthCodes() {
			return codes(strengths());
		}

		/** "Your Conscientiousness", "Your Extraversion and Openness to Experience". */
		String yourStrengths() {
			return "Your " + strengthNames();
		}

		String strengthNames() {
			return and(strengths().stream()
				.map((score) -> score.scale().equals("N") ? "calm under pressure (low Neuroticism)"
						: Domain.ofCode(score.scale()).displayName())
				.toList());
		}

		String fields() {
			return String.join("; or ",
					strengths().stream().map((score) -> SuggestionRules.fields(Domain.ofCode(score.scale()))).toList());
		}

		Suggestion.Evidence strengthsEvidence() {
			boolean calmOnly = strengths().stream().allMatch((score) -> score.scale().equals("N"));
			return calmOnly ? Suggestion.Evidence.CRAFT : INTERESTS;
		}

		/** The results that set the person apart with confidence, furthest first. */
		List<String> distinctive() {
			return this.normed.distinctive().stream().map(NormedScore::scale).toList();
		}

		/**
		 * The highest facets outside Neuroticism (where high is not a strength) together
		 * with those that cannot be told apart from it, at most three.
		 */
		List<NormedScore> highestFacets() {
			return this.normed.highest(facetsOutsideNeuroticism()).stream().limit(3).toList();
		}

		/** Like {@link #highestFacets()} for the lowest. */
		List<NormedScore> lowestFacets() {
			return this.normed.lowest(facetsOutsideNeuroticism()).stream().limit(3).toList();
		}

		private List<NormedScore> facetsOutsideNeuroticism() {
			return this.normed.facets().stream().filter((facet) -> !facet.scale().startsWith("N")).toList();
		}

		List<String> codes(List<NormedScore> scores) {
			return scores.stream().map(NormedScore::scale).toList();
		}

		String names(List<NormedScore> scores) {
			return and(scores.stream().map((score) -> name(score.scale())).toList());
		}

		String and(List<String> parts) {
			return Wording.and(parts);
		}

	}

}
