package com.focusedroom.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code focusedroom.mail.limits-enabled=false} (the benchmark's setting) every mail
 * is queued, however many go to one address, but a suppressed address still gets none.
 */
@SpringBootTest(properties = "focusedroom.mail.limits-enabled=false")
class OutboxWithoutLimitsTests {

	private static final String ADDRESS = "outbox.unlimited@example.com";

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE 'outbox.%'").update();
		this.jdbc.sql("DELETE FROM mail_suppression WHERE recipient LIKE 'outbox.%'").update();
	}

	@Test
	void everyMailIsQueuedWithoutTheLimits() {
		List<Posting> postings = IntStream.range(0, 7).mapToObj((i) -> this.outbox.post(report(ADDRESS))).toList();
		assertThat(postings).containsOnly(Posting.QUEUED).hasSize(7);
		assertThat(queued(ADDRESS)).isEqualTo(7);
		assertThat(this.jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ? LIMIT 1")
			.param(ADDRESS)
			.query(String.class)
			.single()).isEqualTo("Your FocusedRoom report 2");
	}

	@Test
	void aSuppressedAddressStillGetsNoMail() {
		this.jdbc.sql("INSERT INTO mail_suppression (recipient, reason) VALUES (?, '550 no such user')")
			.param(ADDRESS)
			.update();
		assertThat(this.outbox.post(report(ADDRESS))).isEqualTo(Posting.SUPPRESSED);
		assertThat(queued(ADDRESS)).isZero();
		this.outbox.liftSuppression(ADDRESS);
		assertThat(this.outbox.post(report(ADDRESS))).isEqualTo(Posting.QUEUED);
	}

	private int queued(String address) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
			.param(address)
			.query(Integer.class)
			.single();
	}

	private static Letter report(String address) {
		return new Letter(LetterKind.REPORT, address, null, Locale.ENGLISH,
				Map.of("name", "Ada", "reportNumber", 2, "reportUrl", "https://focusedroom.example/report/abc"), null);
	}

}
