package com.focusedroom.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.PrimaryGoal;
import com.focusedroom.scoring.Domain;
import com.focusedroom.scoring.Level;
import com.focusedroom.scoring.Scores;

/**
 * Writes the suggestions for focus and career that a report gives: one for each of the
 * two most pronounced traits, one for the person's goal and one for their career stage.
 * Each names the trait it comes from. Plain logic, deterministic for the same inputs.
 */
final class SuggestionWriter {

	private static final Map<Domain, String> HIGH = new EnumMap<>(Domain.class);

	private static final Map<Domain, String> LOW = new EnumMap<>(Domain.class);

	static {
		HIGH.put(Domain.OPENNESS, "Your high Openness means new ideas energise you: protect one block a week for"
				+ " exploring a question outside your daily work, and bring back one idea you can try.");
		LOW.put(Domain.OPENNESS, "Your lower Openness points to a preference for the proven: become the person"
				+ " who turns good ideas into reliable routines, and ask for concrete examples before committing to change.");
		HIGH.put(Domain.CONSCIENTIOUSNESS, "Your high Conscientiousness is a strength for long projects: pick one"
				+ " goal for the next quarter and plan it in weekly steps, but decide in advance what 'good enough' looks like.");
		LOW.put(Domain.CONSCIENTIOUSNESS, "Your lower Conscientiousness suggests structure will not come by itself:"
				+ " keep one short written list for the day and start with the task you most want to avoid, for 25 minutes.");
		HIGH.put(Domain.EXTRAVERSION, "Your high Extraversion means people fuel you: plan focused work right after"
				+ " a conversation that energises you, and use short check-ins with a colleague to stay on track.");
		LOW.put(Domain.EXTRAVERSION, "Your lower Extraversion means quiet is where you do your best work: guard two"
				+ " meeting-free hours a day and prepare for meetings in writing so your ideas are heard.");
		HIGH.put(Domain.AGREEABLENESS, "Your high Agreeableness makes you a trusted collaborator: practise saying"
				+ " 'yes, after I finish X' so that helping others does not crowd out your own priorities.");
		LOW.put(Domain.AGREEABLENESS, "Your lower Agreeableness means you challenge ideas readily: use it in roles"
				+ " that need candid judgement, and state the shared goal before you disagree so people stay with you.");
		HIGH.put(Domain.NEUROTICISM, "Your high Neuroticism means you feel pressure strongly: end each day by"
				+ " writing down tomorrow's first task, and keep a short recovery routine for after stressful moments.");
		LOW.put(Domain.NEUROTICISM, "Your low Neuroticism keeps you calm under pressure: offer to take the crunch"
				+ " moments in your team, and check in with others who may feel the stress more than you do.");
	}

	List<String> write(Scores scores, Demographics demographics) {
		List<String> suggestions = new ArrayList<>();
		pronounced(scores).stream().limit(2).forEach((score) -> suggestions.add(forTrait(score)));
		if (suggestions.isEmpty()) {
			suggestions.add("Your five trait scores are all in the average range, so you can adapt to many ways of"
					+ " working: this week, note which tasks leave you with energy and which drain you, and plan"
					+ " your hardest work for the first kind of moment.");
		}
		if (demographics.primaryGoal() != null) {
			suggestions.add(forGoal(demographics.primaryGoal(), scores));
		}
		if (demographics.careerStage() != null) {
			suggestions.add(forStage(demographics.careerStage(), scores));
		}
		return suggestions;
	}

	/** Domains outside the average band, the furthest from the middle first. */
	private static List<Scores.DomainScore> pronounced(Scores scores) {
		return scores.domains()
			.stream()
			.filter((score) -> score.level() != Level.AVERAGE)
			.sorted(Comparator.comparingDouble((Scores.DomainScore score) -> Math.abs(score.score() - 50))
				.reversed()
				.thenComparing(Scores.DomainScore::domain))
			.toList();
	}

	private static String forTrait(Scores.DomainScore score) {
		return ((score.level() == Level.HIGH) ? HIGH : LOW).get(score.domain());
	}

	/**
	 * The domain whose strength most shapes work: the highest of O, C, E, A and calm (low
	 * N).
	 */
	private static Domain strongest(Scores scores) {
		Domain strongest = Domain.OPENNESS;
		double best = -1;
		for (Scores.DomainScore score : scores.domains()) {
			double strength = (score.domain() == Domain.NEUROTICISM) ? 100 - score.score() : score.score();
			if (strength > best) {
				best = strength;
				strongest = score.domain();
			}
		}
		return strongest;
	}

	private static String strengthName(Domain domain) {
		return (domain == Domain.NEUROTICISM) ? "calm under pressure (low Neuroticism)" : domain.displayName();
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

	private static String forGoal(PrimaryGoal goal, Scores scores) {
		Domain strongest = strongest(scores);
		return switch (goal) {
			case SELF_AWARENESS -> "For understanding yourself (your goal): your clearest strength here is "
					+ strengthName(strongest) + ". Ask two people who know you well where they see it help you,"
					+ " and where it gets in your way.";
			case CAREER_DIRECTION -> "For a career direction (your goal): your strongest trait, "
					+ strengthName(strongest) + ", is valued in " + fields(strongest)
					+ ". Talk to one person working in such a role this month.";
			case FOCUS -> focusSuggestion(scores.of(Domain.CONSCIENTIOUSNESS).level());
			case LEADERSHIP -> "For growing as a leader (your goal), from your Extraversion ("
					+ levelWord(scores, Domain.EXTRAVERSION) + ") and Agreeableness ("
					+ levelWord(scores, Domain.AGREEABLENESS) + "): "
					+ ((scores.of(Domain.EXTRAVERSION).level() == Level.LOW)
							? "lead through one-to-one conversations and clear written direction rather than big meetings."
							: "make room for quieter voices: ask for one opinion before giving yours in every meeting.");
			case TEAMWORK -> "For working better with others (your goal), from your Agreeableness ("
					+ levelWord(scores, Domain.AGREEABLENESS) + "): "
					+ ((scores.of(Domain.AGREEABLENESS).level() == Level.HIGH)
							? "agree on who decides what before a project starts, so keeping the peace never stalls it."
							: "before you give critical feedback, say what you value in the other person's work.");
			case WELLBEING -> "For handling stress (your goal), from your Neuroticism ("
					+ levelWord(scores, Domain.NEUROTICISM) + "): "
					+ ((scores.of(Domain.NEUROTICISM).level() == Level.HIGH)
							? "schedule a ten-minute walk or breathing break after your most demanding meeting each day."
							: "keep your calm routines even in easy weeks, and notice early signs of overload in your sleep.");
		};
	}

	private static String focusSuggestion(Level conscientiousness) {
		String advice = switch (conscientiousness) {
			case LOW -> "work in 25-minute blocks with a visible timer and a single task written on paper.";
			case AVERAGE -> "plan tomorrow's three most important tasks before you stop today.";
			case HIGH -> "cap your daily list at three must-dos, so that thoroughness does not turn into overwork.";
		};
		return "For focus (your goal), from your Conscientiousness ("
				+ conscientiousness.label().toLowerCase(java.util.Locale.ROOT) + "): " + advice;
	}

	private static String levelWord(Scores scores, Domain domain) {
		return scores.of(domain).level().label().toLowerCase(java.util.Locale.ROOT);
	}

	private static String forStage(CareerStage stage, Scores scores) {
		Domain strongest = strongest(scores);
		String strength = strengthName(strongest);
		return switch (stage) {
			case STUDENT -> "As a student: choose a project or internship in " + fields(strongest)
					+ " to test how your " + strength + " feels in real work.";
			case EARLY_CAREER -> "Early in your career: ask your manager for one assignment that uses your " + strength
					+ ", and keep a short record of what you achieved with it for your next review.";
			case MID_CAREER -> "In mid career: shape your role towards the work where your " + strength
					+ " makes the biggest difference, and hand off one task that drains you.";
			case SENIOR -> "As a senior: build a team that complements your " + strength
					+ ", and coach one person whose profile differs from yours.";
			case CAREER_CHANGE -> "For your career change: roles in " + fields(strongest) + " reward your " + strength
					+ "; try a small paid or volunteer project before you commit.";
			case RETURNING -> "As you return to work: lead with your " + strength
					+ " in applications and interviews, with one concrete recent example of it.";
		};
	}

}
