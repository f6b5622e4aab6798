package com.focusedroom.myreports;

import com.focusedroom.consent.Consents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears what expired unused: newsletter requests never confirmed (they changed nothing)
 * and sign-in links. Idempotent, so every app instance may run it at the same time: a row
 * one instance deleted is simply not there for the other.
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
	void run() {
		int requests = this.consents.deleteExpiredRequests();
		int links = this.signInLinks.deleteExpired();
		if (requests + links > 0) {
			log.info("Deleted {} expired newsletter request(s) and {} expired sign-in link(s)", requests, links);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

}
