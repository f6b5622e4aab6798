package com.focusedroom.consent;

import java.time.Duration;
import com.focusedroom.channel.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConsentsTests {

	@Test
	void theMinimumAgeIsConfigurableAndNamedInTheRule() {
		Consents consents = new Consents(null, new ConsentProperties(13, Duration.ofDays(7)), null, null, null,
				(event) -> {
				});
		assertThat(consents.ageRule()).isEqualTo("You must be 13 or older to subscribe (GDPR Art. 8).");
		assertThat(consents.ageProblem(true, 12)).isPresent();
		assertThat(consents.ageProblem(true, 13)).isEmpty();
	}

	@Test
	void onlyATickedBoxWithAKnownAgeBelowTheMinimumIsAProblem() {
		Consents consents = new Consents(null, new ConsentProperties(16, Duration.ofDays(7)), null, null, null,
				(event) -> {
				});
		assertThat(consents.ageProblem(true, 15)).hasValueSatisfying((message) -> assertThat(message)
			.contains("You must be 16 or older", "Leave the newsletter box unticked"));
		assertThat(consents.ageProblem(false, 15)).isEmpty();
		assertThat(consents.ageProblem(true, null)).isEmpty();
	}

	@Test
	void anUntickedBoxGrantsNothingAndATickedOneBelowTheAgeIsRefused() {
		Consents consents = new Consents(null, new ConsentProperties(16, Duration.ofDays(7)), null, null, null,
				(event) -> {
				});
		assertThat(consents.grantFor(NewsletterChoice.notTicked(), Channel.BIG_FIVE_TEST, 10)).isNull();
		assertThatExceptionOfType(ConsentRefusedException.class)
			.isThrownBy(() -> consents.grantFor(new NewsletterChoice(true, "2026-11"), Channel.MOBILE_APP, 15))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("optIn"));
	}

	@Test
	void anImpossibleMinimumAgeIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConsentProperties(0, Duration.ofDays(7)));
	}

	@Test
	void eachChannelRecordsItsOwnSource() {
		assertThat(ConsentSource.of(Channel.BIG_FIVE_TEST).code()).isEqualTo("web_form");
		assertThat(ConsentSource.of(Channel.EBOOK_DOWNLOAD).code()).isEqualTo("ebook_form");
		assertThat(ConsentSource.of(Channel.MOBILE_APP).code()).isEqualTo("api");
	}

}
