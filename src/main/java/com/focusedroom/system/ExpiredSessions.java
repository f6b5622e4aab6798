package com.focusedroom.system;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the admin sessions that have expired (table {@code spring_session}, their
 * attributes by cascade) once a minute, on one instance at a time. Spring Session's own
 * cleanup, which every instance would run, is switched off
 * ({@code spring.session.jdbc.cleanup-cron=-}). Its DELETE would be harmless on every
 * instance at once (rows already deleted are simply not found again), but once is enough.
 */
@Component
class ExpiredSessions {

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	ExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "${focusedroom.sessions.cleanup-cron:0 * * * * *}")
	@SchedulerLock(name = "expired-admin-sessions")
	void deleteExpired() {
		this.sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
	}

}
