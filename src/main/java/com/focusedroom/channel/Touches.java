package com.focusedroom.channel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.focusedroom.gdpr.CustomerDataOwner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The touches: every test submission and eBook request of a customer, with its channel
 * and attribution, so first touch, last touch and the path between can be queried.
 * {@code customer.channel_id} stays the first channel.
 */
@Service
public class Touches implements CustomerDataOwner {

	private static final String RECORD_TEST = """
			INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, utm_source, utm_medium,
			                            utm_campaign, utm_term, utm_content, referrer)
			VALUES (:customerId, :channel, 'test', :resultId, :utmSource, :utmMedium, :utmCampaign, :utmTerm,
			        :utmContent, :referrer)
			RETURNING touch_id
			""";

	private static final String RECORD_EBOOK = """
			INSERT INTO customer_touch (customer_id, channel_id, kind, utm_source, utm_medium, utm_campaign,
			                            utm_term, utm_content, referrer)
			VALUES (:customerId, :channel, 'ebook', :utmSource, :utmMedium, :utmCampaign, :utmTerm, :utmContent,
			        :referrer)
			RETURNING touch_id
			""";

	private static final String RECENT_EBOOK = """
			SELECT touch_id FROM customer_touch
			WHERE customer_id = :customerId AND kind = 'ebook'
			  AND touched_at > clock_timestamp() - make_interval(secs => :seconds)
			  AND utm_source IS NOT DISTINCT FROM :utmSource AND utm_medium IS NOT DISTINCT FROM :utmMedium
			  AND utm_campaign IS NOT DISTINCT FROM :utmCampaign AND utm_term IS NOT DISTINCT FROM :utmTerm
			  AND utm_content IS NOT DISTINCT FROM :utmContent AND referrer IS NOT DISTINCT FROM :referrer
			ORDER BY touched_at DESC, touch_id DESC
			LIMIT 1
			""";

	private final JdbcClient jdbc;

	Touches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a test: the touch points at the stored result.
	 * @param resultId the result's {@code big_five_result.id}
	 * @return the touch's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordTest(long customerId, long resultId, Channel channel, Attribution attribution) {
		return withAttribution(this.jdbc.sql(RECORD_TEST), attribution).param("customerId", customerId)
			.param("resultId", resultId)
			.param("channel", channel.id())
			.query(Long.class)
			.single();
	}

	/**
	 * Records an eBook request (always channel 2).
	 * @return the touch's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordEbook(long customerId, Attribution attribution) {
		return withAttribution(this.jdbc.sql(RECORD_EBOOK), attribution).param("customerId", customerId)
			.param("channel", Channel.EBOOK_DOWNLOAD.id())
			.query(Long.class)
			.single();
	}

	/**
	 * The customer's newest eBook touch within the last {@code within} with exactly this
	 * attribution: a repeated request that would record nothing new.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Long> recentEbook(long customerId, Attribution attribution, Duration within) {
		return withAttribution(this.jdbc.sql(RECENT_EBOOK), attribution).param("customerId", customerId)
			.param("seconds", (double) within.toSeconds())
			.query(Long.class)
			.optional();
	}

	@Override
	public Map<String, Integer> eraseCustomer(long customerId) {
		return Map.of("customer_touch",
				this.jdbc.sql("DELETE FROM customer_touch WHERE customer_id = :id").param("id", customerId).update());
	}

	private static JdbcClient.StatementSpec withAttribution(JdbcClient.StatementSpec statement,
			Attribution attribution) {
		return statement.param("utmSource", attribution.utmSource())
			.param("utmMedium", attribution.utmMedium())
			.param("utmCampaign", attribution.utmCampaign())
			.param("utmTerm", attribution.utmTerm())
			.param("utmContent", attribution.utmContent())
			.param("referrer", attribution.referrer());
	}

}
