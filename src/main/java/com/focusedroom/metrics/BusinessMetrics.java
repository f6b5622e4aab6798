package com.focusedroom.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.focusedroom.assessment.TestSubmitted;
import com.focusedroom.channel.Channel;
import com.focusedroom.consent.ConsentChanged;
import com.focusedroom.ebook.EbookRequested;
import com.focusedroom.limits.RequestLimited;
import com.focusedroom.report.ReportViewed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what the business cares about, from the events the modules publish: tests by
 * channel, eBook requests, report views by format, consents granted and withdrawn by
 * source, and requests refused by a rate limit. A write is counted after its transaction
 * commits (a rolled-back submission is not a submission); an event outside a transaction
 * is counted at once.
 * <p>
 * Each instance counts its own; Prometheus adds the instances up
 * ({@code sum(rate(...))}), and a restart starting again from zero is what {@code rate}
 * expects. Tags are small fixed sets (channel, format, source, limit), never anything
 * about a person. The series are created at start-up with 0, so a rate is defined before
 * the first event (tests of channel 2, the eBook, stay 0: it has no test).
 */
@Component
class BusinessMetrics {

	static final String TESTS_SUBMITTED = "focusedroom.tests.submitted";

	static final String EBOOK_REQUESTS = "focusedroom.ebook.requests";

	static final String REPORTS_VIEWED = "focusedroom.reports.viewed";

	static final String CONSENTS_GRANTED = "focusedroom.consents.granted";

	static final String CONSENTS_WITHDRAWN = "focusedroom.consents.withdrawn";

	static final String REQUESTS_LIMITED = "focusedroom.requests.limited";

	private final MeterRegistry registry;

	private final Map<Channel, Counter> tests = new EnumMap<>(Channel.class);

	private final Counter ebookRequests;

	private final Map<ReportViewed.Format, Counter> reports = new EnumMap<>(ReportViewed.Format.class);

	BusinessMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (Channel channel : Channel.values()) {
			this.tests.put(channel, tests(channel));
		}
		this.ebookRequests = Counter.builder(EBOOK_REQUESTS).description("eBook requests recorded").register(registry);
		for (ReportViewed.Format format : ReportViewed.Format.values()) {
			this.reports.put(format, reports(format));
		}
		for (String source : new String[] { "web_form", "ebook_form", "api" }) {
			consents(true, source);
		}
		consents(false, ConsentChanged.UNSUBSCRIBE_LINK);
		consents(true, ConsentChanged.MY_REPORTS);
		consents(false, ConsentChanged.MY_REPORTS);
		limited(RequestLimited.PUBLIC_POST);
		limited(RequestLimited.REPORT_PDF);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TestSubmitted event) {
		this.tests.get(event.channel()).increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(EbookRequested event) {
		this.ebookRequests.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ReportViewed event) {
		this.reports.get(event.format()).increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ConsentChanged event) {
		consents(event.granted(), event.source()).increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(RequestLimited event) {
		limited(event.limit()).increment();
	}

	private Counter tests(Channel channel) {
		return Counter.builder(TESTS_SUBMITTED)
			.description("Tests stored as reports, by the channel they came through")
			.tag("channel", lowerCase(channel.name()))
			.register(this.registry);
	}

	private Counter reports(ReportViewed.Format format) {
		return Counter.builder(REPORTS_VIEWED)
			.description("Stored reports served, as a page or a PDF")
			.tag("format", lowerCase(format.name()))
			.register(this.registry);
	}

	private Counter consents(boolean granted, String source) {
		return Counter.builder(granted ? CONSENTS_GRANTED : CONSENTS_WITHDRAWN)
			.description(granted ? "Newsletter consents granted, by where" : "Newsletter consents withdrawn, by where")
			.tag("source", source)
			.register(this.registry);
	}

	private Counter limited(String limit) {
		return Counter.builder(REQUESTS_LIMITED)
			.description("Requests refused by a rate limit, by the limit")
			.tag("limit", limit)
			.register(this.registry);
	}

	private static String lowerCase(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
