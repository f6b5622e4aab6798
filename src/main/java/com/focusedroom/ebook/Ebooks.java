package com.focusedroom.ebook;

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
import com.focusedroom.limits.RequestingClient;
import com.focusedroom.mail.Letter;
import com.focusedroom.mail.LetterKind;
import com.focusedroom.mail.Outbox;
import com.focusedroom.shared.PublicUrls;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * eBook requests (channel 2): each one records the visit and gives a new download link.
 */
@Service
class Ebooks implements CustomerDataOwner {

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

	private final Customers customers;

	private final Touches touches;

	private final Consents consents;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final PublicUrls urls;

	Ebooks(Customers customers, Touches touches, Consents consents, JdbcClient jdbc, Outbox outbox, PublicUrls urls) {
		this.customers = customers;
		this.touches = touches;
		this.consents = consents;
		this.jdbc = jdbc;
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
	 * known email get the same kind of answer.
	 * @return the download link's token
	 */
	@Transactional
	public String request(EmailAddress email, @Nullable String name, NewsletterChoice newsletter,
			Attribution attribution) {
		NewsletterGrant grant = this.consents.grantFor(newsletter, Channel.EBOOK_DOWNLOAD, null);
		Customers.Visit visit = this.customers.recordVisit(email, Demographics.named(name), Channel.EBOOK_DOWNLOAD);
		this.consents.record(visit.customerId(), visit.age(), grant);
		long touchId = this.touches.recordEbook(visit.customerId(), attribution);
		String token = this.jdbc.sql("INSERT INTO ebook_download (customer_id, touch_id) VALUES (?, ?) RETURNING token")
			.params(visit.customerId(), touchId)
			.query(String.class)
			.single();
		this.outbox.post(new Letter(LetterKind.EBOOK_LINK, email.value(), visit.customerId(),
				LocaleContextHolder.getLocale(), Map.of("name", (name != null) ? name : "", "downloadUrl",
						this.urls.forMail(downloadPath(token)).toString()),
				RequestingClient.current()));
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
