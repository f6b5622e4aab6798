package com.focusedroom.channel;

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
public class Touches {

	private static final String RECORD_TEST = """
			INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, utm_source, utm_medium,
			                            utm_campaign, utm_term, utm_content, referrer)
			SELECT customer_id, :channel, 'test', id, :utmSource, :utmMedium, :utmCampaign, :utmTerm,
			       :utmContent, :referrer
			FROM big_five_result
			WHERE customer_id = :customerId AND report_id = :reportId
			RETURNING touch_id
			""";

	private static final String RECORD_EBOOK = """
			INSERT INTO customer_touch (customer_id, channel_id, kind, utm_source, utm_medium, utm_campaign,
			                            utm_term, utm_content, referrer)
			VALUES (:customerId, :channel, 'ebook', :utmSource, :utmMedium, :utmCampaign, :utmTerm, :utmContent,
			        :referrer)
			RETURNING touch_id
			""";

	private final JdbcClient jdbc;

	Touches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a test: the touch points at the customer's report with that number.
	 * @return the touch's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordTest(long customerId, int reportId, Channel channel, Attribution attribution) {
		return withAttribution(this.jdbc.sql(RECORD_TEST), attribution).param("customerId", customerId)
			.param("reportId", reportId)
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
