package com.focusedroom.consent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Consent settings ({@code focusedroom.consent.*}).
 *
 * @param minimumAge people younger than this cannot opt in (GDPR Art. 8 lets member
 * states set 13 to 16; 16 is the strictest and the default)
 * @param confirmationValidFor how long the link of a newsletter confirmation mail works
 */
@ConfigurationProperties("focusedroom.consent")
record ConsentProperties(@DefaultValue("16") int minimumAge, @DefaultValue("7d") Duration confirmationValidFor) {

	public ConsentProperties {
		if (minimumAge < 1 || minimumAge > 130) {
			throw new IllegalArgumentException("focusedroom.consent.minimum-age must be between 1 and 130");
		}
	}

}
