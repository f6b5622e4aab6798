package com.focusedroom.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings (the SMTP server itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from the sender, name and address
 * @param perRecipientPerHour how many messages one address may be sent in an hour; more
 * are not queued, so the forms cannot be used to fill someone's inbox
 */
@ConfigurationProperties("focusedroom.mail")
record MailProperties(@DefaultValue("FocusedRoom <reports@focusedroom.example>") String from,
		@DefaultValue("5") int perRecipientPerHour) {
}
