package com.focusedroom.assessment;

import java.util.List;

import com.focusedroom.channel.Channel;
import com.focusedroom.customer.Customers;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.report.Reports;
import com.focusedroom.scoring.Inventory;
import com.focusedroom.scoring.Scorer;
import com.focusedroom.scoring.Scores;

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

	Assessments(Customers customers, Reports reports) {
		this.customers = customers;
		this.reports = reports;
	}

	/**
	 * Scores the answers and stores them as the customer's next report, creating or
	 * updating the customer, all in one transaction.
	 * @param answers the 120 answers, each 1 to 5, already validated
	 */
	@Transactional
	public Submitted submit(EmailAddress email, Demographics demographics, boolean optIn, List<Integer> answers,
			Channel channel) {
		Scores scores = this.scorer.score(answers);
		long customerId = this.customers.recordVisit(email, demographics, channel, optIn);
		Reports.AddedReport report = this.reports.add(customerId, channel, demographics, answers, scores);
		return new Submitted(customerId, report.reportId(), report.url(), scores);
	}

	/**
	 * A stored test.
	 *
	 * @param customerId the customer it belongs to
	 * @param reportId its number for that customer
	 * @param reportUrl the path of its report page
	 * @param scores what it scored
	 */
	public record Submitted(long customerId, int reportId, String reportUrl, Scores scores) {

	}

}
