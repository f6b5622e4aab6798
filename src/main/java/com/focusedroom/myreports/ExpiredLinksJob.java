package com.focusedroom.myreports;

import com.focusedroom.consent.Consents;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears what expired unused: newsletter requests never confirmed (they changed nothing)
 * and sign-in links. Runs on one instance at a time (ShedLock, see
 * {@code system.ScheduledJobsConfiguration}); it is idempotent anyway: a row one run
 * deleted is simply not there for another.
 */
@Component
class ExpiredLinksJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiredLinksJob.class);

	private final Consents consents;

	private final SignInLinks signInLinks;

	ExpiredLinksJob(Consents consents, SignInLinks signInLinks) {
		this.consents = consents;
		this.signInLinks = signInLinks;
	}

	@Scheduled(fixedDelayString = "${focusedroom.cleanup.every:1h}",
			initialDelayString = "${focusedroom.cleanup.every:1h}")
	@SchedulerLock(name = "expired-links")
	void run() {
		int requests = this.consents.deleteExpiredRequests();
		int links = this.signInLinks.deleteExpired();
		if (requests + links > 0) {
			log.info("Deleted {} expired newsletter request(s) and {} expired sign-in link(s)", requests, links);
		}
	}

}
