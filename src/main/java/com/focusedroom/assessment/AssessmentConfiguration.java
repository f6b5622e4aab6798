package com.focusedroom.assessment;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import com.focusedroom.shared.KeyedHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AssessmentConfiguration.class);

	@Bean
	StartStamps startStamps(AssessmentProperties properties, Clock clock) {
		String configured = properties.timingKey();
		if (configured == null || configured.isBlank()) {
			log.info("No focusedroom.assessment.timing-key configured: the test page's start time is signed with a"
					+ " key made at start-up, so pages served by another instance or before a restart count as"
					+ " 'time not known'");
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			return new StartStamps(new KeyedHash(key), clock);
		}
		if (configured.length() < AssessmentProperties.MIN_KEY_LENGTH) {
			throw new IllegalStateException("focusedroom.assessment.timing-key must have at least "
					+ AssessmentProperties.MIN_KEY_LENGTH + " characters");
		}
		return new StartStamps(new KeyedHash(configured.getBytes(StandardCharsets.UTF_8)), clock);
	}

}
