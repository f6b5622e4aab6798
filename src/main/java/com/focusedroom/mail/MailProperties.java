package com.focusedroom.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings (the SMTP server itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from the sender, name and address
 * @param perRecipientPerHour how many messages one address may be sent in an hour; more
 * are not queued, so the forms cannot be used to fill someone's inbox
 * @param perClientPerHour how many messages the requests of one client (IP address, or
 * IPv6 /64) may cause in an hour, whatever the addresses; more are not queued
 * @param limitsEnabled {@code false} switches both limits off (a load test, whose one
 * address stands for many clients, as with {@code focusedroom.rate-limit.enabled}); never
 * in production
 * @param delivery the worker that sends the outbox
 */
@ConfigurationProperties("focusedroom.mail")
record MailProperties(@DefaultValue("FocusedRoom <reports@focusedroom.example>") String from,
		@DefaultValue("5") int perRecipientPerHour, @DefaultValue("20") int perClientPerHour,
		@DefaultValue("true") boolean limitsEnabled, @DefaultValue Delivery delivery) {

	/** The sender, its name encoded as UTF-8 where it needs to be. */
	InternetAddress sender() {
		try {
			InternetAddress parsed = new InternetAddress(this.from, true);
			return (parsed.getPersonal() != null)
					? new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name())
					: parsed;
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalStateException(
					"focusedroom.mail.from is no valid sender, e.g. FocusedRoom <reports@focusedroom.example>", ex);
		}
	}

	/** The Message-ID of a message: its stored id at the sender's domain. */
	String messageId(UUID id) {
		String address = sender().getAddress();
		return "<" + id + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
	}

	/**
	 * The delivery worker. It runs only where {@code spring.mail.host} is set.
	 *
	 * @param interval the pause between two runs of the worker (each run sends everything
	 * due, in batches)
	 * @param batchSize messages claimed (and locked) at a time
	 * @param maxTries attempts before a message that keeps failing temporarily is given
	 * up ({@code failed})
	 * @param firstRetry the wait after the first temporary failure; it doubles with each
	 * further one (plus or minus a fifth, at random, so that retries of many messages
	 * spread out)
	 * @param maxRetry the longest wait between two attempts
	 */
	record Delivery(@DefaultValue("5s") Duration interval, @DefaultValue("10") int batchSize,
			@DefaultValue("8") int maxTries, @DefaultValue("1m") Duration firstRetry,
			@DefaultValue("6h") Duration maxRetry) {

		Delivery {
			if (batchSize < 1 || maxTries < 1) {
				throw new IllegalArgumentException(
						"focusedroom.mail.delivery.batch-size and .max-tries must be at least 1");
			}
		}

		/**
		 * How long to wait after the given number of failed attempts (1, 2, ...), before
		 * jitter: {@code firstRetry * 2^(tries - 1)}, at most {@code maxRetry}.
		 */
		Duration backoff(int failedTries) {
			Duration wait = this.firstRetry;
			for (int i = 1; i < failedTries && wait.compareTo(this.maxRetry) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return (wait.compareTo(this.maxRetry) > 0) ? this.maxRetry : wait;
		}

	}

}
