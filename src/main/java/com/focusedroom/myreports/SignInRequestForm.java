package com.focusedroom.myreports;

import com.focusedroom.customer.EmailAddress;
import com.focusedroom.customer.ValidEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The address a visitor asks a sign-in link for. */
class SignInRequestForm {

	@NotBlank(message = "Enter your email address.")
	@Size(max = EmailAddress.MAX_LENGTH, message = EmailAddress.TOO_LONG_MESSAGE)
	@ValidEmail
	private @Nullable String email;

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

}
