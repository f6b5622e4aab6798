package com.focusedroom.login;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminUsersTests {

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private static final AdminProperties.Lockout LOCKOUT = new AdminProperties.Lockout(java.time.Duration.ofMinutes(15),
			5, 20);

	@Test
	void withNoAdminConfiguredNobodyCanLogIn() {
		AdminUsers users = new AdminUsers(new AdminProperties(List.of(), LOCKOUT));
		var user = users.loadUserByUsername("admin");
		assertThat(user.getAuthorities()).isEmpty();
		assertThat(ENCODER.matches("admin", user.getPassword())).isFalse();
		assertThatThrownBy(() -> users.loadUserByUsername("")).isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void anUnknownNameIsCheckedAtTheSameBcryptCostAsTheAdminsAndGetsNoRole() {
		String hash = PasswordHash.hash("correct horse battery", 12);
		AdminUsers users = new AdminUsers(new AdminProperties(List.of(new AdminProperties.User("ops", hash)), LOCKOUT));
		var unknown = users.loadUserByUsername("someone@example.com");
		assertThat(unknown.getPassword()).startsWith("{bcrypt}$2a$12$");
		assertThat(unknown.getAuthorities()).isEmpty();
		assertThat(ENCODER.matches("correct horse battery", unknown.getPassword())).isFalse();
		assertThat(new AdminUsers(new AdminProperties(
				List.of(new AdminProperties.User("ops", PasswordHash.hash("correct horse battery", 13))), LOCKOUT))
			.loadUserByUsername("x")
			.getPassword()).startsWith("{bcrypt}$2a$13$");
	}

	@Test
	void aPlainTextOrUnknownHashIsRefusedAtStartUp() {
		for (String hash : List.of("secret", "{noop}secret", "{bcrypt}secret", "$2a$10$abc")) {
			assertThatThrownBy(() -> new AdminUsers(
					new AdminProperties(List.of(new AdminProperties.User("admin", hash)), LOCKOUT)))
				.as(hash)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("bcrypt");
		}
	}

	@Test
	void theDevProfilesDocumentedPasswordMatchesItsHash() throws Exception {
		java.util.Properties dev = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/application-dev.properties")) {
			dev.load(in);
		}
		AdminUsers users = new AdminUsers(new AdminProperties(
				List.of(new AdminProperties.User(dev.getProperty("focusedroom.admin.users[0].username"),
						dev.getProperty("focusedroom.admin.users[0].password-hash"))),
				LOCKOUT));
		var admin = users.loadUserByUsername("admin");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
			.matches("admin-dev-only", admin.getPassword())).isTrue();
	}

	@Test
	void aHashMadeByTheHelperLogsTheAdminIn() {
		String hash = PasswordHash.hash("correct horse battery");
		AdminUsers users = new AdminUsers(new AdminProperties(List.of(new AdminProperties.User("ops", hash)), LOCKOUT));
		var admin = users.loadUserByUsername("ops");
		assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		assertThat(encoder.matches("correct horse battery", admin.getPassword())).isTrue();
		assertThat(encoder.matches("wrong", admin.getPassword())).isFalse();
	}

}
