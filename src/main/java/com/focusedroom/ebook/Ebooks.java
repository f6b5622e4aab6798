package com.focusedroom.ebook;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.focusedroom.channel.Attribution;
import com.focusedroom.channel.Channel;
import com.focusedroom.channel.Touches;
import com.focusedroom.consent.Consents;
import com.focusedroom.consent.NewsletterChoice;
import com.focusedroom.consent.NewsletterGrant;
import com.focusedroom.customer.Customers;
import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.gdpr.CustomerDataOwner;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * eBook requests (channel 2): each one records the visit and gives a download link; a
 * repeat within a day from the same campaign gets the link it was given before.
 */
@Service
class Ebooks implements CustomerDataOwner {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

	/** How long a repeated request (same address, same campaign) gets the same link. */
	static final Duration REPEAT_WINDOW = Duration.ofDays(1);

	private final Customers customers;

	private final Touches touches;

	private final Consents consents;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Ebooks(Customers customers, Touches touches, Consents consents, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.customers = customers;
		this.touches = touches;
		this.consents = consents;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records an eBook request in one transaction: the customer (created with channel 2,
	 * or a known one kept as it is apart from a newly given name), any newsletter
	 * consent, a touch, and a download link. A new and a known email get the same kind of
	 * answer. A repeat within {@link #REPEAT_WINDOW} with the same attribution records no
	 * new touch or link and gets the earlier link.
	 * @return the download link's token
	 */
	@Transactional
	public String request(EmailAddress email, @Nullable String name, NewsletterChoice newsletter,
			Attribution attribution) {
		NewsletterGrant grant = this.consents.grantFor(newsletter, Channel.EBOOK_DOWNLOAD, null);
		Customers.Visit visit = this.customers.recordVisit(email, Demographics.named(name), Channel.EBOOK_DOWNLOAD);
		this.consents.record(visit.customerId(), visit.age(), grant);
		// A repeat within the window from the same campaign adds no rows: the visitor
		// gets
		// the link they were given (the visit holds the customer's row lock, so two at
		// once
		// cannot both miss it).
		Optional<String> recent = this.touches.recentEbook(visit.customerId(), attribution, REPEAT_WINDOW)
			.flatMap((touch) -> this.jdbc.sql("SELECT token FROM ebook_download WHERE touch_id = ?")
				.param(touch)
				.query(String.class)
				.optional());
		if (recent.isPresent()) {
			return recent.get();
		}
		long touchId = this.touches.recordEbook(visit.customerId(), attribution);
		this.events.publishEvent(new EbookRequested());
		return this.jdbc.sql("INSERT INTO ebook_download (customer_id, touch_id) VALUES (?, ?) RETURNING token")
			.params(visit.customerId(), touchId)
			.query(String.class)
			.single();
	}

	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		return Map.of("ebook_download",
				this.jdbc.sql("DELETE FROM ebook_download WHERE customer_id = ?").param(customerId).update());
	}

	/** Whether a download link exists; a malformed token is simply unknown. */
	@Transactional(readOnly = true)
	public boolean isValidLink(@Nullable String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return false;
		}
		Optional<Integer> found = this.jdbc.sql("SELECT 1 FROM ebook_download WHERE token = ?")
			.param(token)
			.query(Integer.class)
			.optional();
		return found.isPresent();
	}

}
