package com.focusedroom.assessment;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the test form.
 *
 * @param timingKey the secret key (32 or more characters) of the HMAC that makes the test
 * page's start time tamper-evident ({@link StartStamps}). Unset: a key generated at
 * start-up, so a page served by another instance, or before a restart, counts as "time
 * not known". Give every instance the same key to measure across them.
 */
@ConfigurationProperties("focusedroom.assessment")
record AssessmentProperties(@Nullable String timingKey) {

	static final int MIN_KEY_LENGTH = 32;

	@Override
	public String toString() {
		return "AssessmentProperties[timingKey=" + ((this.timingKey != null) ? "***" : "unset") + "]";
	}

}
