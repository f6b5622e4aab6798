package com.focusedroom.report;

import java.time.OffsetDateTime;
import java.util.List;

import com.focusedroom.customer.CareerStage;
import com.focusedroom.customer.PrimaryGoal;

/**
 * What the report page shows.
 */
record ReportPage(int reportId, OffsetDateTime createdAt, String name, String careerStageCode, String goalCode,
		List<ScoresDocument.ShownDomain> domains, List<String> suggestions) {

	public String careerStage() {
		return CareerStage.ofCode(this.careerStageCode).map(CareerStage::label).orElse(null);
	}

	public String primaryGoal() {
		return PrimaryGoal.ofCode(this.goalCode).map(PrimaryGoal::label).orElse(null);
	}

	/** Results imported from the legacy database kept scores in a shape of their own. */
	public boolean imported() {
		return this.domains.isEmpty();
	}

}
