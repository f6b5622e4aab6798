package com.focusedroom.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTests {

	@Test
	void surroundingWhitespaceAndCaseMakeNoDifference() {
		assertThat(EmailAddress.of("  Ada.Lovelace@Example.COM\t"))
			.isEqualTo(EmailAddress.of("ada.lovelace@example.com"));
		assertThat(EmailAddress.of(" A@X.com ").value()).isEqualTo("a@x.com");
	}

	@Test
	void lowerCasingDoesNotDependOnTheServersLocale() {
		// In a Turkish locale "I".toLowerCase() is a dotless i, which would split one
		// customer in two.
		java.util.Locale previous = java.util.Locale.getDefault();
		try {
			java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
			assertThat(EmailAddress.of("IVAN@EXAMPLE.COM").value()).isEqualTo("ivan@example.com");
		}
		finally {
			java.util.Locale.setDefault(previous);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "o'brien+news@mail.example.co.uk", "x@xn--bcher-kva.example", "a_b-c@sub-domain.example" })
	void acceptsRealWorldAddresses(String address) {
		assertThat(EmailAddress.isValid(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "plainaddress", "@example.com", "ann@", "ann@example", "ann@@example.com",
			"ann lee@example.com", ".ann@example.com", "ann..lee@example.com", "ann.@example.com", "ann@-example.com",
			"ann@example..com", "ann@exämple.com", "<script>@example.com" })
	void rejectsWhatCannotBeAnAddress(String address) {
		assertThat(EmailAddress.isValid(address)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of(address));
	}

	@Test
	void rejectsAddressesLongerThanSmtpCanDeliver() {
		String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".example";
		String local = "l".repeat(64);
		assertThat(EmailAddress.isValid(local + "@" + domain.substring(0, 254 - 65))).isTrue();
		assertThat(EmailAddress.isValid(local + "@" + domain + "x".repeat(30))).isFalse();
		assertThat(EmailAddress.isValid("l".repeat(65) + "@example.com")).isFalse();
	}

	@Test
	void neverShowsTheAddressWhenPrinted() {
		assertThat(EmailAddress.of("secret@example.com").toString()).doesNotContain("secret");
	}

	@Test
	void nullIsNotAnAddress() {
		assertThat(EmailAddress.isValid(null)).isFalse();
	}

}
