package com.focusedroom.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The database's "Current Database State": its counts and the result of each integrity
 * check, with the customers that break one.
 *
 * @param totalCustomers rows in {@code customer}
 * @param uniqueEmails distinct {@code email_id} values
 * @param customersWithMultipleTests customers with more than one report
 * @param totalTests rows in {@code big_five_result}
 * @param duplicateEmailCustomers customers sharing an email with another (should be none)
 * @param brokenReportNumbering customers whose report_ids are not exactly 1..n
 */
public record DatabaseState(long totalCustomers, long uniqueEmails, long customersWithMultipleTests, long totalTests,
		List<Long> duplicateEmailCustomers, List<Long> brokenReportNumbering) {

	public DatabaseState {
		duplicateEmailCustomers = List.copyOf(duplicateEmailCustomers);
		brokenReportNumbering = List.copyOf(brokenReportNumbering);
	}

	public boolean healthy() {
		return this.duplicateEmailCustomers.isEmpty() && this.brokenReportNumbering.isEmpty()
				&& this.totalCustomers == this.uniqueEmails;
	}

	/**
	 * The state block as the contract prints it, then the details of any failed check.
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Total Customers: " + this.totalCustomers);
		lines.add("Unique Emails: " + this.uniqueEmails);
		lines.add("Customers with Multiple Tests: " + this.customersWithMultipleTests);
		lines.add("Total Tests: " + this.totalTests);
		lines.add("Report ID Tracking: " + (this.brokenReportNumbering.isEmpty() ? "OK"
				: "FAILED for customer_id " + join(this.brokenReportNumbering)));
		if (!this.duplicateEmailCustomers.isEmpty()) {
			lines.add("Duplicate Emails: FAILED for customer_id " + join(this.duplicateEmailCustomers));
		}
		return lines;
	}

	private static String join(List<Long> ids) {
		return String.join(", ", ids.stream().map(String::valueOf).toList());
	}

}
