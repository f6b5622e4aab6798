package com.focusedroom.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.channel.Touches;
import com.focusedroom.consent.ConsentRefusedException;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.consent.NewsletterGrant;
import com.focusedroom.customer.Customers;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.limits.RequestingClient;
import com.focusedroom.mail.Letter;
import com.focusedroom.mail.LetterKind;
import com.focusedroom.mail.Outbox;
import com.focusedroom.report.Reports;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;
import com.focusedroom.scoring.Validity;
import com.focusedroom.shared.PublicUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes completed tests, from any channel, and turns each into a customer's next report.
 */
@Service
public class Assessments {

	/**
	 * The longest time taken a submission records, one day: a longer time says nothing
	 * about answering (the page was left open), and an app that sends milliseconds by
	 * mistake is caught for all but the shortest times.
	 */
	public static final int MAX_SECONDS_TAKEN = 86_400;

	private final Scorer scorer = new Scorer(Inventory.ipipNeo120());

	private final Customers customers;

	private final Reports reports;

	private final Consents consents;

	private final Touches touches;

	private final ApplicationEventPublisher events;

	private final Outbox outbox;

	private final PublicUrls urls;

	Assessments(Customers customers, Reports reports, Consents consents, Touches touches,
			ApplicationEventPublisher events, Outbox outbox, PublicUrls urls) {
		this.customers = customers;
		this.reports = reports;
		this.consents = consents;
		this.touches = touches;
		this.events = events;
		this.outbox = outbox;
		this.urls = urls;
	}

	/**
	 * Scores the answers and stores them as the customer's next report, creating or
	 * updating the customer, recording the touch and any newsletter consent, and posting
	 * the report mail (its link, to the address given), all in one transaction. The web
	 * form and the API both come through here.
	 * @param newsletter the newsletter checkbox as the visitor left it
	 * @param answers the 120 answers, each 1 to 5, already validated
	 * @param attribution where the visit came from
	 * @param language the language of the statements the answers were given to, one of
	 * {@link #languages()}
	 * @param secondsTaken how long answering took (0 to {@link #MAX_SECONDS_TAKEN}), or
	 * null when not known
	 * @throws ConsentRefusedException if the box was ticked by someone below the minimum
	 * age or with a consent text we never showed; nothing is stored
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, NewsletterChoice newsletter,
			List<Integer> answers, Channel channel, Attribution attribution, Origin origin, String language,
			@Nullable Integer secondsTaken) {
		String code = ItemLanguages.standard()
			.byCode(language)
			.orElseThrow(() -> new IllegalArgumentException("Not an offered language: " + language))
			.code();
		if (secondsTaken != null && (secondsTaken < 0 || secondsTaken > MAX_SECONDS_TAKEN)) {
			throw new IllegalArgumentException("Seconds taken out of range: " + secondsTaken);
		}
		Scores scores = this.scorer.score(answers);
		// The checks of the answers in the order they were shown (the inventory's), and
		// the
		// time: stored with the result in the same transaction.
		Validity validity = Validity.of(answers, secondsTaken);
		NewsletterGrant grant = this.consents.grantFor(newsletter, channel, demographics.age());
		Customers.Visit visit = this.customers.recordVisit(email, demographics, channel, origin.signedIn());
		this.consents.request(visit, grant, origin.locale(), origin.client());
		Reports.AddedReport report = this.reports.add(visit.customerId(), channel, demographics, answers, scores,
				validity, code, secondsTaken, visit.unconfirmed());
		this.touches.recordTest(visit.customerId(), report.resultId(), channel, attribution);
		this.events.publishEvent(new TestSubmitted(channel));
		mailReport(email, visit.customerId(), demographics, report, origin, visit.unconfirmed());
		return new Submitted(visit.customerId(), report.reportId(), report.url(), scores, validity,
				visit.unconfirmed());
	}

	/**
	 * {@link #submit(EmailAddress, Demographics, NewsletterChoice, List, Channel, Attribution, Origin, String, Integer)}
	 * from a visitor who is not signed in.
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, NewsletterChoice newsletter,
			List<Integer> answers, Channel channel, Attribution attribution, String language,
			@Nullable Integer secondsTaken) {
		return submit(email, demographics, newsletter, answers, channel, attribution, Origin.current(), language,
				secondsTaken);
	}

	/**
	 * {@link #submit(EmailAddress, Demographics, NewsletterChoice, List, Channel, Attribution, Origin, String, Integer)}
	 * of answers given to the English statements, time not known.
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, NewsletterChoice newsletter,
			List<Integer> answers, Channel channel, Attribution attribution, Origin origin) {
		return submit(email, demographics, newsletter, answers, channel, attribution, origin, ItemLanguages.ENGLISH,
				null);
	}

	/**
	 * {@link #submit(EmailAddress, Demographics, NewsletterChoice, List, Channel, Attribution, Origin, String, Integer)}
	 * of answers given to the English statements by a visitor not signed in, time not
	 * known.
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, NewsletterChoice newsletter,
			List<Integer> answers, Channel channel, Attribution attribution) {
		return submit(email, demographics, newsletter, answers, channel, attribution, Origin.current(),
				ItemLanguages.ENGLISH, null);
	}

	/**
	 * The codes of the languages the statements are offered in ({@code en} first), as a
	 * submission names them.
	 */
	public List<String> languages() {
		return ItemLanguages.standard().offered().stream().map(ItemLanguages.Language::code).toList();
	}

	/**
	 * "Your FocusedRoom report N" with its absolute link, to the address given (the
	 * owner's inbox). For an unconfirmed test of a confirmed address (decision 0012) the
	 * mail asks "was this you?" ({@code unconfirmed}) and points to "my reports". Not
	 * queued over the address's or the client's limit, or to a suppressed address; the
	 * submission stands either way.
	 */
	private void mailReport(EmailAddress email, long customerId, Demographics demographics, Reports.AddedReport report,
			Origin origin, boolean unconfirmed) {
		String name = demographics.name();
		this.outbox.post(
				new Letter(LetterKind.REPORT, email.value(), customerId, origin.locale(),
						Map.of("name", (name != null) ? name : "", "reportNumber", report.reportId(), "reportUrl",
								this.urls.forMail(report.url()).toString(), "unconfirmed", unconfirmed),
						origin.client()));
	}

	/**
	 * Who sent a test, as far as it matters here.
	 *
	 * @param signedIn the customer the visitor is signed in as in "my reports", or
	 * {@code null}
	 * @param locale the visitor's language, for mail
	 * @param client the client's address, for the mail's per-client limit
	 */
	public record Origin(@Nullable Long signedIn, Locale locale, @Nullable String client) {

		/** A visitor who is not signed in. */
		public static Origin anonymous(Locale locale, @Nullable String client) {
			return new Origin(null, locale, client);
		}

		/** A visitor not signed in, with the current request's language and client. */
		public static Origin current() {
			return anonymous(LocaleContextHolder.getLocale(), RequestingClient.current());
		}

	}

	/**
	 * A stored test.
	 *
	 * @param customerId the customer it belongs to
	 * @param reportId its number for that customer
	 * @param reportUrl the path of its report page
	 * @param scores what it scored
	 * @param validity the careless-answering checks stored with it
	 * @param unconfirmed whether it was taken under a confirmed address by someone not
	 * signed in as its owner: it changed nothing of the owner's record, and its web
	 * answer does not show the number (decision 0012)
	 */
	public record Submitted(long customerId, int reportId, String reportUrl, Scores scores, Validity validity,
			boolean unconfirmed) {

	}

}
