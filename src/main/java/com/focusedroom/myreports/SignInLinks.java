package com.focusedroom.myreports;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.focusedroom.customer.Customers;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.gdpr.CustomerDataOwner;
import com.focusedroom.mail.Letter;
import com.focusedroom.mail.LetterKind;
import com.focusedroom.mail.Outbox;
import com.focusedroom.shared.LinkToken;
import com.focusedroom.shared.PublicUrls;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time sign-in links of "my reports": 256 random bits, only their SHA-256 stored,
 * usable once, for {@link #VALID_FOR}. An address that is no customer gets a link too (to
 * a page that says there are no reports), written and mailed the same way, so neither the
 * answer nor the work done for it tells whether an address is known.
 */
@Service
class SignInLinks implements CustomerDataOwner {

	static final Duration VALID_FOR = Duration.ofMinutes(30);

	static final String PATH = "/my-reports/sign-in/";

	// Single use under any concurrency: the second of two simultaneous uses waits on the
	// row, then finds used_at set and gets nothing.
	private static final String USE = """
			UPDATE sign_in_link SET used_at = clock_timestamp()
			WHERE token_hash = :hash AND used_at IS NULL AND expires_at > clock_timestamp()
			RETURNING customer_id
			""";

	private final JdbcClient jdbc;

	private final Customers customers;

	private final Outbox outbox;

	private final PublicUrls urls;

	SignInLinks(JdbcClient jdbc, Customers customers, Outbox outbox, PublicUrls urls) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.outbox = outbox;
		this.urls = urls;
	}

	/**
	 * Writes a new link for the address and posts it there. The outbox's limit per
	 * address bounds how many reach one inbox; the site's limit per client bounds the
	 * requests.
	 */
	@Transactional
	public void send(EmailAddress email, Locale locale, @Nullable String client) {
		Long customerId = this.customers.idOf(email).orElse(null);
		LinkToken token = LinkToken.generate();
		this.jdbc.sql("""
				INSERT INTO sign_in_link (token_hash, customer_id, expires_at)
				VALUES (:hash, :customerId, clock_timestamp() + CAST(:validFor AS interval))
				""")
			.param("hash", token.hash())
			.param("customerId", customerId, java.sql.Types.BIGINT)
			.param("validFor", VALID_FOR.toSeconds() + " seconds")
			.update();
		this.outbox.post(new Letter(
				LetterKind.SIGN_IN, email.value(), customerId, locale, Map.of("signInUrl",
						this.urls.forMail(PATH + token.value()).toString(), "minutesValid", VALID_FOR.toMinutes()),
				client));
	}

	/**
	 * What a link is now (for its GET page, which uses nothing, and for the page that
	 * says why a link did not work). Only the holder of the token learns it.
	 */
	@Transactional(readOnly = true)
	public LinkState state(String token) {
		return LinkToken.hashOf(token)
			.flatMap((hash) -> this.jdbc.sql("""
					SELECT CASE WHEN used_at IS NOT NULL THEN 'USED'
					            WHEN expires_at <= clock_timestamp() THEN 'EXPIRED' ELSE 'USABLE' END
					FROM sign_in_link WHERE token_hash = :hash
					""").param("hash", hash).query(String.class).optional())
			.map(LinkState::valueOf)
			.orElse(LinkState.UNKNOWN);
	}

	/**
	 * Uses a link, once: confirms the customer's address (its owner read the mail) and
	 * lifts its mail suppression.
	 * @return empty if the link is unknown, used or expired; else the customer, which is
	 * empty for an address that is no customer
	 */
	@Transactional
	public Optional<Optional<Long>> use(String token) {
		Optional<String> hash = LinkToken.hashOf(token);
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		Optional<Optional<Long>> used = this.jdbc.sql(USE)
			.param("hash", hash.get())
			.query((rs, row) -> Optional.ofNullable(rs.getObject("customer_id", Long.class)))
			.optional();
		used.flatMap((customer) -> customer)
			.flatMap(this.customers::confirmEmail)
			.ifPresent(this.outbox::liftSuppression);
		return used;
	}

	/** Deletes links that expired a day ago; safe on every instance at once. */
	@Transactional
	public int deleteExpired() {
		return this.jdbc.sql("DELETE FROM sign_in_link WHERE expires_at < clock_timestamp() - interval '1 day'")
			.update();
	}

	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		return Map.of("sign_in_link",
				this.jdbc.sql("DELETE FROM sign_in_link WHERE customer_id = :id").param("id", customerId).update());
	}

	/** What a sign-in link is now. */
	enum LinkState {

		/** Not used and not expired: it signs in once. */
		USABLE,

		/** Used already: a link signs in once. */
		USED,

		/** Older than {@link SignInLinks#VALID_FOR}. */
		EXPIRED,

		/**
		 * Not a link we wrote (altered, incomplete, or deleted a day after it expired).
		 */
		UNKNOWN

	}

}
