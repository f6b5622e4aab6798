package com.focusedroom.system;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs for every module, each run by one instance at a time: with several app
 * instances on one database, a method annotated with {@code @Scheduled} and
 * {@code @SchedulerLock(name = "...")} (ShedLock) runs on whichever instance takes the
 * job's row in table {@code shedlock} first; the others skip that run. The lock is held
 * for the run and at least {@code lockAtLeastFor} (so an instance whose clock or
 * scheduler is a little late does not run the same tick again), and at most
 * {@code lockAtMostFor} (so a run whose instance died frees the job); its times are the
 * database's, not the instances' clocks. Only in the web app: the {@code verify} command
 * runs no jobs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", defaultLockAtLeastFor = "PT1S")
class ScheduledJobsConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			// Named, not detected: ShedLock detects the product from a connection's
			// metadata
			// and, when that fails once, falls back to UNKNOWN, for which usingDbTime()
			// throws
			// on every run (ScaleOutIT found every scheduled job failing so in the
			// packaged app).
			.withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
			.usingDbTime()
			.build());
	}

}
