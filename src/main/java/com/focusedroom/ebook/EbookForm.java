package com.focusedroom.ebook;

import com.focusedroom.customer.Demographics;
import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.ValidEmail;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The eBook request form: an email to send it to, an optional name, and the newsletter
 * checkbox. The form has no age field, so ticking the newsletter box also asks the
 * visitor to confirm they are old enough to consent.
 */
class EbookForm {

	@NotBlank(message = "Enter your email address.")
	@Size(max = EmailAddress.MAX_LENGTH, message = EmailAddress.TOO_LONG_MESSAGE)
	@ValidEmail
	private @Nullable String email;

	@Size(max = Demographics.MAX_TEXT_LENGTH,
			message = "Keep the name to " + Demographics.MAX_TEXT_LENGTH + " characters or fewer.")
	private @Nullable String name;

	private boolean optIn;

	private boolean ageConfirmed;

	@AssertTrue(message = "Confirm your age to subscribe, or leave the newsletter box unticked.")
	public boolean isAgeConfirmedWhenOptingIn() {
		return !this.optIn || this.ageConfirmed;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public boolean isOptIn() {
		return this.optIn;
	}

	public void setOptIn(boolean optIn) {
		this.optIn = optIn;
	}

	public boolean isAgeConfirmed() {
		return this.ageConfirmed;
	}

	public void setAgeConfirmed(boolean ageConfirmed) {
		this.ageConfirmed = ageConfirmed;
	}

}
