package com.focusedroom.myreports;

import com.focusedroom.customer.Customers;
import com.focusedroom.report.Reports;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner of a confirmed address decides about a test taken with it while they
 * were not signed in (decision 0012).
 */
@Service
class OwnReports {

	private final Reports reports;

	private final Customers customers;

	OwnReports(Reports reports, Customers customers) {
		this.reports = reports;
		this.customers = customers;
	}

	/**
	 * "This was me": the report joins the history and its details update the record, as a
	 * signed-in visit's would have; one transaction.
	 */
	@Transactional
	public boolean claim(long customerId, int reportId) {
		return this.reports.claim(customerId, reportId).map((given) -> {
			this.customers.adoptDetails(customerId, given);
			return true;
		}).orElse(false);
	}

	/**
	 * "Not me": it leaves the history and the change view; the row and its number stay.
	 */
	public boolean disown(long customerId, int reportId) {
		return this.reports.disown(customerId, reportId);
	}

}
