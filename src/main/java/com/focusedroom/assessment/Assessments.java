package com.focusedroom.assessment;

import java.util.List;
import java.util.Locale;

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
import com.focusedroom.report.Reports;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes completed tests, from any channel, and turns each into a customer's next report.
 */
@Service
public class Assessments {

	private final Scorer scorer = new Scorer(Inventory.ipipNeo120());

	private final Customers customers;

	private final Reports reports;

	private final Consents consents;

	private final Touches touches;

	Assessments(Customers customers, Reports reports, Consents consents, Touches touches) {
		this.customers = customers;
		this.reports = reports;
		this.consents = consents;
		this.touches = touches;
	}

	/**
	 * Scores the answers and stores them as the customer's next report, creating or
	 * updating the customer, recording the touch and any newsletter consent, all in one
	 * transaction. The web form and the API both come through here.
	 * @param newsletter the newsletter checkbox as the visitor left it
	 * @param answers the 120 answers, each 1 to 5, already validated
	 * @param attribution where the visit came from
	 * @throws ConsentRefusedException if the box was ticked by someone below the minimum
	 * age or with a consent text we never showed; nothing is stored
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, NewsletterChoice newsletter,
			List<Integer> answers, Channel channel, Attribution attribution, Origin origin) {
		Scores scores = this.scorer.score(answers);
		NewsletterGrant grant = this.consents.grantFor(newsletter, channel, demographics.age());
		Customers.Visit visit = this.customers.recordVisit(email, demographics, channel, origin.signedIn());
		this.consents.request(visit, grant, origin.locale(), origin.client());
		Reports.AddedReport report = this.reports.add(visit.customerId(), channel, demographics, answers, scores,
				visit.unconfirmed());
		this.touches.recordTest(visit.customerId(), report.resultId(), channel, attribution);
		return new Submitted(visit.customerId(), report.reportId(), report.url(), scores, visit.unconfirmed());
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

	}

	/**
	 * A stored test.
	 *
	 * @param customerId the customer it belongs to
	 * @param reportId its number for that customer
	 * @param reportUrl the path of its report page
	 * @param scores what it scored
	 * @param unconfirmed whether it was taken under a confirmed address by someone not
	 * signed in as its owner: it changed nothing of the owner's record, and its answer
	 * must not tell how many tests the owner took (decision 0012)
	 */
	public record Submitted(long customerId, int reportId, String reportUrl, Scores scores, boolean unconfirmed) {

	}

}
