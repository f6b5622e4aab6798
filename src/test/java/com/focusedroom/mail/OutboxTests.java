package com.focusedroom.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest
class OutboxTests {

	private static final String ADDRESS = "outbox.reader@example.com";

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE 'outbox.%'").update();
		this.jdbc.sql("DELETE FROM mail_suppression WHERE recipient LIKE 'outbox.%'").update();
	}

	@Test
	void aPostedReportMailIsQueuedWithItsSubjectLinkAndPlainTextPartAndNoListHeaders() {
		assertThat(this.outbox.post(report(ADDRESS, "Ada <b>"))).isEqualTo(Posting.QUEUED);
		Map<String, Object> row = this.jdbc.sql(
				"SELECT subject, body_html, body_text, headers::text AS headers, state, tries FROM mail_outbox WHERE recipient = ?")
			.param(ADDRESS)
			.query()
			.singleRow();
		assertThat(row.get("subject")).isEqualTo("Your FocusedRoom report 2");
		assertThat((String) row.get("body_html")).contains("href=\"https://focusedroom.example/report/abc\"")
			.contains("Hello Ada &lt;b&gt;,")
			.doesNotContain("<img");
		assertThat((String) row.get("body_text")).contains("https://focusedroom.example/report/abc")
			.contains("Hello Ada <b>,")
			.doesNotContain("<p");
		assertThat(row.get("headers")).isEqualTo("{}");
		assertThat(row.get("state")).isEqualTo("queued");
	}

	@Test
	void newsletterMailNamesItsOneClickUnsubscribe() {
		this.outbox.post(new Letter(LetterKind.NEWSLETTER_CONFIRMATION, ADDRESS, null, Locale.ENGLISH,
				Map.of("name", "", "confirmUrl", "https://focusedroom.example/c/1", "unsubscribeUrl",
						"https://focusedroom.example/unsubscribe/x"),
				null));
		String headers = this.jdbc.sql("SELECT headers::text FROM mail_outbox WHERE recipient = ?")
			.param(ADDRESS)
			.query(String.class)
			.single();
		assertThat(headers).contains("\"List-Unsubscribe\": \"<https://focusedroom.example/unsubscribe/x>\"")
			.contains("\"List-Unsubscribe-Post\": \"List-Unsubscribe=One-Click\"");
	}

	@Test
	void anAddressGetsAtMostFiveMailsAnHourAndTheSixthIsNotQueued() {
		List<Posting> postings = java.util.stream.IntStream.range(0, 7)
			.mapToObj((i) -> this.outbox.post(report(ADDRESS, "Ada")))
			.toList();
		assertThat(postings).containsExactly(Posting.QUEUED, Posting.QUEUED, Posting.QUEUED, Posting.QUEUED,
				Posting.QUEUED, Posting.OVER_LIMIT, Posting.OVER_LIMIT);
		assertThat(queued(ADDRESS)).isEqualTo(5);
		assertThat(this.outbox.post(report("outbox.other@example.com", "Bo"))).isEqualTo(Posting.QUEUED);
		assertThat(this.outbox.post(new Letter(LetterKind.NEWSLETTER_CONFIRMATION, ADDRESS, null, Locale.ENGLISH,
				Map.of("name", "", "confirmUrl", "https://focusedroom.example/c/1", "unsubscribeUrl",
						"https://focusedroom.example/unsubscribe/x"),
				null)))
			.as("report mails that anyone can cause leave the owner's other mails their own limit")
			.isEqualTo(Posting.QUEUED);
	}

	@Test
	void aSuppressedAddressGetsNoMailUntilTheSuppressionIsLifted() {
		this.jdbc.sql("INSERT INTO mail_suppression (recipient, reason) VALUES (?, '550 no such user')")
			.param(ADDRESS)
			.update();
		assertThat(this.outbox.post(report(ADDRESS, "Ada"))).isEqualTo(Posting.SUPPRESSED);
		this.outbox.liftSuppression(ADDRESS);
		assertThat(this.outbox.post(report(ADDRESS, "Ada"))).isEqualTo(Posting.QUEUED);
	}

	@Test
	void mailPostedInATransactionThatRollsBackIsNeverQueued() {
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.outbox.post(report(ADDRESS, "Ada"));
			throw new IllegalStateException("the action failed");
		}));
		assertThat(queued(ADDRESS)).isZero();
	}

	@Test
	void controlCharactersTypedIntoANameAreLeftOutOfTheMailRatherThanFailingTheAction() {
		assertThat(this.outbox.post(report(ADDRESS, "A\u0000d\u000ca"))).isEqualTo(Posting.QUEUED);
		assertThat(this.jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?")
			.param(ADDRESS)
			.query(String.class)
			.single()).contains("Hello Ada,");
	}

	@Test
	void aLetterWithoutAValueItsTemplateNeedsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Letter(LetterKind.SIGN_IN, ADDRESS, null, Locale.ENGLISH, Map.of(), null))
			.withMessageContaining("signInUrl");
	}

	private int queued(String address) {
		return this.jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
			.param(address)
			.query(Integer.class)
			.single();
	}

	private static Letter report(String address, String name) {
		return new Letter(LetterKind.REPORT, address, null, Locale.ENGLISH,
				Map.of("name", name, "reportNumber", 2, "reportUrl", "https://focusedroom.example/report/abc"), null);
	}

}
