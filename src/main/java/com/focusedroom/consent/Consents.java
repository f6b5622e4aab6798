package com.focusedroom.consent;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.focusedroom.channel.Channel;
import com.focusedroom.customer.Customers;
import com.focusedroom.gdpr.CustomerDataOwner;
import com.focusedroom.mail.Letter;
import com.focusedroom.mail.LetterKind;
import com.focusedroom.mail.Outbox;
import com.focusedroom.mail.Posting;
import com.focusedroom.shared.LinkToken;
import com.focusedroom.shared.PublicUrls;
import com.focusedroom.shared.TypedText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletter consent that can be proved (GDPR Art. 7): the stored wordings, the rule on
 * age (Art. 8), the one-click unsubscribe link, and each customer's history. Grants are
 * recorded with a visit ({@link #record}); {@code customer.opt_in} follows the history by
 * a database trigger.
 */
@Service
@EnableConfigurationProperties(ConsentProperties.class)
public class Consents implements CustomerDataOwner {

	/** Longest consent text version label ({@code consent_text.version}). */
	public static final int MAX_VERSION_LENGTH = 20;

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

	private static final String CURRENT_TEXT = """
			SELECT consent_text_id, purpose, version, text FROM consent_text
			WHERE purpose = 'newsletter'
			ORDER BY published_at DESC, consent_text_id DESC
			LIMIT 1
			""";

	private static final String TEXT_OF_VERSION = """
			SELECT consent_text_id, purpose, version, text FROM consent_text
			WHERE purpose = 'newsletter' AND version = :version
			""";

	// The row lock makes two clicks at once record one withdrawal: the second waits, then
	// sees opt_in false and inserts nothing.
	private static final String WITHDRAW = """
			WITH subscribed AS (
			    SELECT customer_id FROM customer
			    WHERE unsubscribe_token = :token AND opt_in
			    FOR UPDATE
			)
			INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
			SELECT customer_id, 'newsletter', 'withdraw', NULL, 'unsubscribe_link', NULL FROM subscribed
			""";

	private static final String HISTORY = """
			SELECT e.consent_event_id, e.action, e.occurred_at, e.channel_id, e.source, t.version
			FROM consent_event e LEFT JOIN consent_text t ON t.consent_text_id = e.consent_text_id
			WHERE e.customer_id = :customerId AND e.purpose = 'newsletter'
			ORDER BY e.consent_event_id
			""";

	private static final String REQUEST = """
			INSERT INTO consent_request (customer_id, token_hash, consent_text_id, channel_id, source, expires_at)
			VALUES (:customerId, :hash, :consentText, :channel, :source, clock_timestamp() + CAST(:validFor AS interval))
			""";

	// A request is pending while it is neither confirmed nor expired.
	private static final String RECENTLY_REQUESTED = """
			SELECT count(*) FROM consent_request
			WHERE customer_id = :customerId AND confirmed_at IS NULL AND expires_at > clock_timestamp()
			  AND requested_at > clock_timestamp() - CAST(:resendAfter AS interval)
			""";

	// A tick when the newest event already is a grant of the same wording says nothing
	// new: no request, no mail (issue 12: 9).
	private static final String ALREADY_GRANTED = """
			SELECT count(*) FROM (
			    SELECT action, consent_text_id FROM consent_event
			    WHERE customer_id = :customerId AND purpose = 'newsletter'
			    ORDER BY consent_event_id DESC LIMIT 1
			) newest
			WHERE newest.action = 'grant' AND newest.consent_text_id = :consentText
			""";

	private static final String REQUEST_STATE = """
			SELECT r.confirmed_at IS NOT NULL AS confirmed, r.expires_at <= clock_timestamp() AS expired, c.age
			FROM consent_request r JOIN customer c ON c.customer_id = r.customer_id
			WHERE r.token_hash = :hash
			""";

	// Only a pending request can be confirmed, once: a second click at the same moment
	// waits on the row, then finds it confirmed.
	private static final String CONFIRM = """
			UPDATE consent_request SET confirmed_at = clock_timestamp()
			WHERE token_hash = :hash AND confirmed_at IS NULL AND expires_at > clock_timestamp()
			RETURNING consent_request_id, customer_id, consent_text_id, channel_id, source
			""";

	private static final String CONFIRMED_GRANT = """
			INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id,
			                           consent_request_id)
			SELECT :customerId, 'newsletter', 'grant', :channel, :source, :consentText, :request
			WHERE NOT EXISTS (
			    SELECT 1 FROM (
			        SELECT action, consent_text_id FROM consent_event
			        WHERE customer_id = :customerId AND purpose = 'newsletter'
			        ORDER BY consent_event_id DESC LIMIT 1
			    ) newest
			    WHERE newest.action = 'grant' AND newest.consent_text_id = :consentText
			)
			""";

	// A signed-in customer has a confirmed address: their own tick is the grant.
	private static final String SIGNED_IN_CHANGE = """
			WITH changing AS (
			    SELECT customer_id FROM customer
			    WHERE customer_id = :customerId AND opt_in = :from
			    FOR UPDATE
			)
			INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
			SELECT customer_id, 'newsletter', :action, NULL, 'my_reports', :consentText FROM changing
			""";

	private static final String UNSUBSCRIBE_TOKEN = "SELECT unsubscribe_token FROM customer WHERE customer_id = :id";

	/** A repeated tick within this time sends no second confirmation mail. */
	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	private static final Duration TEXT_REFRESH = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(Consents.class);

	private final JdbcClient jdbc;

	private final ConsentProperties properties;

	private final Customers customers;

	private final Outbox outbox;

	private final PublicUrls urls;

	private volatile @Nullable CurrentText current;

	private final ApplicationEventPublisher events;

	Consents(JdbcClient jdbc, ConsentProperties properties, Customers customers, Outbox outbox, PublicUrls urls,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.customers = customers;
		this.outbox = outbox;
		this.urls = urls;
		this.events = events;
	}

	/**
	 * The newsletter wording forms show now: the most recently published one. Kept for a
	 * minute, and kept while the database is away, so the forms still render during a
	 * database restart (their POST then gets the 503 to retry).
	 */
	public ConsentText currentNewsletterText() {
		CurrentText known = this.current;
		if (known != null && System.nanoTime() - known.loadedAt() < TEXT_REFRESH.toNanos()) {
			return known.text();
		}
		try {
			ConsentText text = this.jdbc.sql(CURRENT_TEXT).query(Consents::text).single();
			this.current = new CurrentText(text, System.nanoTime());
			return text;
		}
		catch (DataAccessException ex) {
			if (known != null) {
				return known.text();
			}
			throw ex;
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadCurrentText() {
		try {
			currentNewsletterText();
		}
		catch (DataAccessException ex) {
			logger.warn("Could not load the current consent text yet; the first form will", ex);
		}
	}

	/** People younger than this cannot opt in. */
	public int minimumAge() {
		return this.properties.minimumAge();
	}

	/** The age rule of consent. */
	public ConsentAge age() {
		return new ConsentAge(minimumAge());
	}

	/** The age rule in words, for forms and error messages. */
	public String ageRule() {
		return age().rule();
	}

	/**
	 * Why a ticked box cannot be accepted from a person of the given age, if it cannot.
	 * @param age the age the person gave with this request, or {@code null} if none
	 */
	public Optional<String> ageProblem(boolean optIn, @Nullable Integer age) {
		if (age().refuses(optIn, age)) {
			return Optional.of(ageRule() + " Leave the newsletter box unticked; you still get everything else.");
		}
		return Optional.empty();
	}

	/**
	 * The grant to record with a visit, or {@code null} when the box was not ticked
	 * (which never withdraws an earlier consent).
	 * @param statedAge the age given with this request, or {@code null}
	 * @throws ConsentRefusedException if the person is below the minimum age, or the
	 * version they claim to have been shown does not exist
	 */
	@Transactional(readOnly = true)
	public @Nullable NewsletterGrant grantFor(NewsletterChoice choice, Channel channel, @Nullable Integer statedAge) {
		if (!choice.optIn()) {
			return null;
		}
		ageProblem(true, statedAge).ifPresent((problem) -> {
			throw new ConsentRefusedException("optIn", problem);
		});
		ConsentText shown = (choice.shownVersion() == null || choice.shownVersion().isBlank()) ? currentNewsletterText()
				: textOfVersion(choice.shownVersion().strip())
					.orElseThrow(() -> new ConsentRefusedException("consentVersion",
							"We never showed a consent text with this version; "
									+ "read the current wording and tick the box again."));
		return new NewsletterGrant(shown.id(), channel, ConsentSource.of(channel), minimumAge());
	}

	/**
	 * Records a ticked box as a pending request (double opt-in) in the visit's
	 * transaction and posts the confirmation mail to the address; {@code opt_in} changes
	 * only when the link in it is opened ({@link #confirm}). Nothing is recorded when
	 * there is no grant, or when the age on record is below the grant's minimum (someone
	 * who told us their age before). A repeated tick while a request sent less than
	 * {@link #RESEND_AFTER} ago is pending sends no second mail (and the outbox's limit
	 * per address applies on top).
	 * @param visit the visit just recorded, its customer row locked
	 * @param client the requesting client, for the mail's per-client limit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Requested request(Customers.Visit visit, @Nullable NewsletterGrant grant, Locale locale,
			@Nullable String client) {
		if (grant == null || (visit.age() != null && visit.age() < grant.minimumAge())) {
			return Requested.NOTHING;
		}
		int granted = this.jdbc.sql(ALREADY_GRANTED)
			.param("customerId", visit.customerId())
			.param("consentText", grant.consentTextId())
			.query(Integer.class)
			.single();
		if (granted > 0) {
			return Requested.ALREADY_GRANTED;
		}
		int recent = this.jdbc.sql(RECENTLY_REQUESTED)
			.param("customerId", visit.customerId())
			.param("resendAfter", RESEND_AFTER.toSeconds() + " seconds")
			.query(Integer.class)
			.single();
		if (recent > 0) {
			return Requested.ALREADY_PENDING;
		}
		LinkToken token = LinkToken.generate();
		this.jdbc.sql(REQUEST)
			.param("customerId", visit.customerId())
			.param("hash", token.hash())
			.param("consentText", grant.consentTextId())
			.param("channel", grant.channel().id())
			.param("source", grant.source().code())
			.param("validFor", this.properties.confirmationValidFor().toSeconds() + " seconds")
			.update();
		String unsubscribe = this.jdbc.sql(UNSUBSCRIBE_TOKEN)
			.param("id", visit.customerId())
			.query(String.class)
			.single();
		Map<String, Object> model = Map.of("name", (visit.name() != null) ? visit.name() : "", "confirmUrl",
				this.urls.forMail(CONFIRM_PATH + token.value()).toString(), "unsubscribeUrl",
				this.urls.forMail("/api/v1/unsubscribe/" + unsubscribe).toString());
		Posting posting = this.outbox.post(new Letter(LetterKind.NEWSLETTER_CONFIRMATION, visit.email(),
				visit.customerId(), locale, model, client));
		return (posting == Posting.QUEUED) ? Requested.MAILED : Requested.NOT_MAILED;
	}

	/** Where the confirmation links of the newsletter go. */
	static final String CONFIRM_PATH = "/newsletter/confirm/";

	/** What a confirmation link would do now, without doing it (its GET page). */
	@Transactional(readOnly = true)
	public Confirmation confirmation(String token) {
		Optional<String> hash = LinkToken.hashOf(token);
		if (hash.isEmpty()) {
			return Confirmation.UNKNOWN;
		}
		return this.jdbc.sql(REQUEST_STATE).param("hash", hash.get()).query((rs, row) -> {
			if (rs.getBoolean("confirmed")) {
				return Confirmation.ALREADY;
			}
			if (rs.getBoolean("expired")) {
				return Confirmation.EXPIRED;
			}
			Integer age = rs.getObject("age", Integer.class);
			return (age != null && age < minimumAge()) ? Confirmation.TOO_YOUNG : Confirmation.PENDING;
		}).optional().orElse(Confirmation.UNKNOWN);
	}

	/**
	 * Confirms the pending request of a link, once: records the grant with the wording,
	 * channel and source of the request, which sets {@code opt_in}; confirms the address
	 * (its owner read the mail) and lifts its mail suppression. An expired, used, altered
	 * or unknown link changes nothing.
	 */
	@Transactional
	public Confirmation confirm(String token) {
		Confirmation now = confirmation(token);
		if (now != Confirmation.PENDING) {
			return now;
		}
		String hash = LinkToken.hashOf(token).orElseThrow();
		Optional<Confirmed> confirmed = this.jdbc.sql(CONFIRM)
			.param("hash", hash)
			.query((rs, row) -> new Confirmed(rs.getLong("consent_request_id"), rs.getLong("customer_id"),
					rs.getInt("consent_text_id"), rs.getInt("channel_id"), rs.getString("source")))
			.optional();
		if (confirmed.isEmpty()) {
			// Confirmed or expired between the look and the update.
			return confirmation(token);
		}
		Confirmed request = confirmed.get();
		int granted = this.jdbc.sql(CONFIRMED_GRANT)
			.param("customerId", request.customerId())
			.param("channel", request.channel())
			.param("source", request.source())
			.param("consentText", request.consentText())
			.param("request", request.id())
			.update();
		if (granted > 0) {
			// Metrics count a grant when it is confirmed, not when it is requested.
			this.events.publishEvent(new ConsentChanged(true, request.source()));
		}
		this.customers.confirmEmail(request.customerId()).ifPresent(this.outbox::liftSuppression);
		return Confirmation.NOW;
	}

	/**
	 * Subscribes or unsubscribes a customer signed in to "my reports" (their address is
	 * confirmed, so their own choice is the grant, source {@code my_reports}); a no-op
	 * when it is already so.
	 * @return whether anything changed
	 * @throws ConsentRefusedException if the customer's age on record is below the
	 * minimum
	 */
	@Transactional
	public boolean changeSignedIn(long customerId, boolean subscribe) {
		if (subscribe) {
			Integer age = this.jdbc.sql("SELECT age FROM customer WHERE customer_id = :id")
				.param("id", customerId)
				.query((rs, row) -> rs.getObject("age", Integer.class))
				.optional()
				.orElse(null);
			ageProblem(true, age).ifPresent((problem) -> {
				throw new ConsentRefusedException("optIn", problem);
			});
		}
		boolean changed = this.jdbc.sql(SIGNED_IN_CHANGE)
			.param("customerId", customerId)
			.param("from", !subscribe)
			.param("action", subscribe ? "grant" : "withdraw")
			.param("consentText", subscribe ? currentNewsletterText().id() : null)
			.update() > 0;
		if (changed) {
			this.events.publishEvent(new ConsentChanged(subscribe, ConsentChanged.MY_REPORTS));
		}
		return changed;
	}

	/**
	 * Deletes pending requests that expired unconfirmed: they changed nothing and prove
	 * nothing. Safe on every instance at once: deleting what is gone deletes nothing.
	 * @return how many were deleted
	 */
	@Transactional
	public int deleteExpiredRequests() {
		return this.jdbc.sql("""
				DELETE FROM consent_request WHERE confirmed_at IS NULL AND expires_at < clock_timestamp()
				""").update();
	}

	/**
	 * Deletes the customer's consent history; runs after the customer row is gone, the
	 * only time the append-only history lets rows go.
	 */
	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		int events = this.jdbc.sql("DELETE FROM consent_event WHERE customer_id = :id")
			.param("id", customerId)
			.update();
		int requests = this.jdbc.sql("DELETE FROM consent_request WHERE customer_id = :id")
			.param("id", customerId)
			.update();
		return Map.of("consent_event", events, "consent_request", requests);
	}

	private Optional<ConsentText> textOfVersion(String version) {
		// No version has a control character; PostgreSQL could not even compare one with
		// NUL.
		if (version.length() > MAX_VERSION_LENGTH || TypedText.hasControlCharacter(version)) {
			return Optional.empty();
		}
		return this.jdbc.sql(TEXT_OF_VERSION).param("version", version).query(Consents::text).optional();
	}

	/**
	 * Whether the customer with this unsubscribe token currently receives the newsletter;
	 * empty when no customer has the token.
	 */
	@Transactional(readOnly = true)
	public Optional<Boolean> subscribed(String token) {
		if (!isWellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT opt_in FROM customer WHERE unsubscribe_token = :token")
			.param("token", token)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * Withdraws the newsletter consent of the customer with this token, once: a second
	 * use finds it already withdrawn.
	 */
	@Transactional
	public Unsubscribed unsubscribe(String token) {
		if (!isWellFormed(token)) {
			return Unsubscribed.UNKNOWN_LINK;
		}
		int withdrawn = this.jdbc.sql(WITHDRAW).param("token", token).update();
		if (withdrawn > 0) {
			this.events.publishEvent(new ConsentChanged(false, ConsentChanged.UNSUBSCRIBE_LINK));
			return Unsubscribed.NOW;
		}
		return subscribed(token).isPresent() ? Unsubscribed.ALREADY : Unsubscribed.UNKNOWN_LINK;
	}

	/** A customer's newsletter grants and withdrawals, oldest first. */
	@Transactional(readOnly = true)
	public List<ConsentEvent> history(long customerId) {
		return this.jdbc.sql(HISTORY)
			.param("customerId", customerId)
			.query((rs, row) -> new ConsentEvent(rs.getLong("consent_event_id"), rs.getString("action"),
					rs.getObject("occurred_at", OffsetDateTime.class), (Integer) rs.getObject("channel_id"),
					rs.getString("source"), rs.getString("version")))
			.list();
	}

	private static boolean isWellFormed(@Nullable String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	private static ConsentText text(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ConsentText(rs.getInt("consent_text_id"), rs.getString("purpose"), rs.getString("version"),
				rs.getString("text"));
	}

	private record CurrentText(ConsentText text, long loadedAt) {
	}

	private record Confirmed(long id, long customerId, int consentText, int channel, String source) {
	}

	/** What a ticked box led to. */
	public enum Requested {

		/** No request: the box was not ticked, or the age on record is too low. */
		NOTHING,
		/** A request is pending and its mail is queued. */
		MAILED,
		/**
		 * A request is pending, but the outbox took no mail (suppressed address, limit).
		 */
		NOT_MAILED,
		/** A request sent a moment ago is still pending: no second mail. */
		ALREADY_PENDING,
		/**
		 * The newest event already is a grant of the same wording: no request, no mail.
		 */
		ALREADY_GRANTED

	}

	/** What a newsletter confirmation link does, or did. */
	public enum Confirmation {

		/** Pending: the button confirms it. */
		PENDING,
		/** Confirmed by this use of the link. */
		NOW,
		/** Confirmed before; nothing more to do. */
		ALREADY,
		/** Expired unconfirmed; nothing changed. */
		EXPIRED,
		/** The age on record is below the minimum; nothing changes. */
		TOO_YOUNG,
		/** No request has this link (altered, truncated, or cleaned up). */
		UNKNOWN

	}

	/** What an unsubscribe link did. */
	public enum Unsubscribed {

		/** The consent was withdrawn by this use of the link. */
		NOW,
		/**
		 * There was no consent to withdraw: the link was used before, or never needed.
		 */
		ALREADY,
		/** No customer has this link. */
		UNKNOWN_LINK

	}

	/**
	 * One grant or withdrawal.
	 *
	 * @param id its {@code consent_event_id}, the order of events
	 * @param action {@code grant} or {@code withdraw}
	 * @param occurredAt when
	 * @param channelId the channel used, or {@code null} for the unsubscribe link
	 * @param source where: {@code web_form}, {@code ebook_form}, {@code api},
	 * {@code unsubscribe_link}, {@code admin}
	 * @param textVersion the version of the wording agreed to (grants only)
	 */
	public record ConsentEvent(long id, String action, OffsetDateTime occurredAt, @Nullable Integer channelId,
			String source, @Nullable String textVersion) {

		public boolean isGrant() {
			return "grant".equals(this.action);
		}

	}

}
