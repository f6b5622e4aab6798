package com.focusedroom.consent;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.focusedroom.channel.Channel;
import com.focusedroom.gdpr.CustomerDataOwner;
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

	// A grant when the newest event already is a grant of the same wording says nothing
	// new
	// and adds no row (issue 12: 9); the visit holds the customer's row lock, so two
	// ticked
	// boxes at once cannot both see no grant.
	private static final String GRANT = """
			INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
			SELECT :customerId, 'newsletter', 'grant', :channel, :source, :consentText
			WHERE NOT EXISTS (
			    SELECT 1 FROM (
			        SELECT action, consent_text_id FROM consent_event
			        WHERE customer_id = :customerId AND purpose = 'newsletter'
			        ORDER BY consent_event_id DESC LIMIT 1
			    ) newest
			    WHERE newest.action = 'grant' AND newest.consent_text_id = :consentText
			)
			""";

	private static final Duration TEXT_REFRESH = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(Consents.class);

	private final JdbcClient jdbc;

	private final ConsentProperties properties;

	private final ApplicationEventPublisher events;

	private volatile @Nullable CurrentText current;

	Consents(JdbcClient jdbc, ConsentProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
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
	 * Records a grant with the visit that gave it, in the visit's transaction; the
	 * database derives {@code customer.opt_in} from the history (V3's trigger). Nothing
	 * is recorded when there is no grant, when the age on record is below the grant's
	 * minimum (someone who told us their age before), or when the newest event already is
	 * a grant of the same wording (a repeat carries no new information).
	 * @param ageOnRecord the customer's age after the visit, if known
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(long customerId, @Nullable Integer ageOnRecord, @Nullable NewsletterGrant grant) {
		if (grant == null || (ageOnRecord != null && ageOnRecord < grant.minimumAge())) {
			return;
		}
		this.jdbc.sql(GRANT)
			.param("customerId", customerId)
			.param("channel", grant.channel().id())
			.param("source", grant.source().code())
			.param("consentText", grant.consentTextId())
			.update();
		this.events.publishEvent(new ConsentChanged(true, grant.source().code()));
	}

	/**
	 * Deletes the customer's consent history; runs after the customer row is gone, the
	 * only time the append-only history lets rows go.
	 */
	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		return Map.of("consent_event",
				this.jdbc.sql("DELETE FROM consent_event WHERE customer_id = :id").param("id", customerId).update());
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
