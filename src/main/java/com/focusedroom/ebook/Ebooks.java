package com.focusedroom.ebook;

import java.time.Duration;
import java.util.Locale;
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
import com.focusedroom.mail.Letter;
import com.focusedroom.mail.LetterKind;
import com.focusedroom.mail.Outbox;
import com.focusedroom.shared.PublicUrls;

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

	private final Outbox outbox;

	private final PublicUrls urls;

	Ebooks(Customers customers, Touches touches, Consents consents, JdbcClient jdbc, ApplicationEventPublisher events,
			Outbox outbox, PublicUrls urls) {
		this.customers = customers;
		this.touches = touches;
		this.consents = consents;
		this.jdbc = jdbc;
		this.events = events;
		this.outbox = outbox;
		this.urls = urls;
	}

	/**
	 * Whether the download link goes by mail (an SMTP server is configured); otherwise
	 * the page shows it, and the mail waits in the outbox.
	 */
	boolean linkGoesByMail() {
		return this.outbox.deliveryConfigured();
	}

	/**
	 * Records an eBook request in one transaction: the customer (created with channel 2,
	 * or a known one kept as it is apart from a newly given name), any newsletter
	 * consent, a touch, a download link, and the mail with that link (not queued over the
	 * limits or to a suppressed address; the request stands either way). A new and a
	 * known email get the same kind of answer. A repeat within {@link #REPEAT_WINDOW}
	 * with the same attribution records no new touch or link: it gets the earlier link,
	 * mailed again (the mail limits bound how often).
	 * @return the download link's token
	 */
	@Transactional
	public String request(EmailAddress email, @Nullable String name, NewsletterChoice newsletter,
			Attribution attribution, Locale locale, @Nullable String client) {
		NewsletterGrant grant = this.consents.grantFor(newsletter, Channel.EBOOK_DOWNLOAD, null);
		Customers.Visit visit = this.customers.recordVisit(email, Demographics.named(name), Channel.EBOOK_DOWNLOAD);
		// A ticked box is a pending request whose mail goes to the address (decision
		// 0012).
		this.consents.request(visit, grant, locale, client);
		// A repeat within the window from the same campaign adds no rows: the visitor
		// gets the link they were given (the visit holds the customer's row lock, so two
		// at once cannot both miss it).
		Optional<String> recent = this.touches.recentEbook(visit.customerId(), attribution, REPEAT_WINDOW)
			.flatMap((touch) -> this.jdbc.sql("SELECT token FROM ebook_download WHERE touch_id = ?")
				.param(touch)
				.query(String.class)
				.optional());
		if (recent.isPresent()) {
			return mailed(email, name, visit.customerId(), recent.get(), locale, client);
		}
		long touchId = this.touches.recordEbook(visit.customerId(), attribution);
		this.events.publishEvent(new EbookRequested());
		String token = this.jdbc.sql("INSERT INTO ebook_download (customer_id, touch_id) VALUES (?, ?) RETURNING token")
			.params(visit.customerId(), touchId)
			.query(String.class)
			.single();
		return mailed(email, name, visit.customerId(), token, locale, client);
	}

	private String mailed(EmailAddress email, @Nullable String name, long customerId, String token, Locale locale,
			@Nullable String client) {
		this.outbox.post(new Letter(LetterKind.EBOOK_LINK, email.value(), customerId, locale, Map.of("name",
				(name != null) ? name : "", "downloadUrl", this.urls.forMail(downloadPath(token)).toString()), client));
		return token;
	}

	static String downloadPath(String token) {
		return "/ebook/download/" + token;
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
