package com.focusedroom.gdpr;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Switches scheduling on only when the retention job has a period to enforce.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GdprProperties.class)
class GdprConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("focusedroom.gdpr.retention.unconsented-after")
	@EnableScheduling
	static class RetentionScheduling {

	}

}
