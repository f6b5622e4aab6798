package com.focusedroom.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The admins from the configuration ({@code focusedroom.admin.users[n].username} and
 * {@code .password-hash}). There is no default admin: with none configured the login
 * refuses everyone, and the log says how to configure one. A password hash must be a
 * bcrypt hash with its id, so no plain-text password can be configured by mistake.
 */
final class AdminUsers implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);

	/** {@code {bcrypt}} and a bcrypt hash ($2a$, $2b$ or $2y$, cost 04-31). */
	static final Pattern BCRYPT_HASH = Pattern
		.compile("\\{bcrypt}\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./0-9A-Za-z]{53}");

	static final String ROLE = "ADMIN";

	private final Map<String, String> hashes;

	/**
	 * What an unknown name is checked against: a hash of a random password nobody knows,
	 * at the highest cost of the configured hashes, so that a wrong guess at an unknown
	 * name costs as much time as one at a real admin's (no telling them apart by timing).
	 */
	private final String unknownNameHash;

	AdminUsers(AdminProperties properties) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (AdminProperties.User user : properties.users()) {
			if (user.username() == null || user.username().isBlank()) {
				throw new IllegalStateException("focusedroom.admin.users: every admin needs a username");
			}
			if (user.passwordHash() == null || !BCRYPT_HASH.matcher(user.passwordHash()).matches()) {
				throw new IllegalStateException(
						"focusedroom.admin.users: the password-hash of admin '" + user.username()
								+ "' is not a bcrypt hash like {bcrypt}$2a$12$... (see README, 'Admin area')");
			}
			if (byName.put(user.username(), user.passwordHash()) != null) {
				throw new IllegalStateException(
						"focusedroom.admin.users: admin '" + user.username() + "' is configured twice");
			}
		}
		this.hashes = Map.copyOf(byName);
		this.unknownNameHash = PasswordHash.hash(UUID.randomUUID() + "" + UUID.randomUUID(), highestCost(this.hashes));
		if (this.hashes.isEmpty()) {
			log.warn("No admin user is configured, so the admin login at /admin refuses everyone. "
					+ "Set focusedroom.admin.users[0].username and focusedroom.admin.users[0].password-hash "
					+ "to a bcrypt hash such as {bcrypt}$2a$12$... (README, 'Admin area', shows how to make one).");
		}
		else {
			log.info("{} admin user(s) configured", this.hashes.size());
		}
	}

	/**
	 * Whether a name is a configured admin's (to log failures without storing guesses).
	 */
	boolean isAdmin(@Nullable String username) {
		return username != null && this.hashes.containsKey(username);
	}

	/**
	 * The admin of that name or, for any other name, a user without any role whose
	 * password cannot match: the login then fails exactly as a wrong password for a real
	 * admin does, after the same bcrypt work.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		String hash = this.hashes.get(username);
		if (username.isEmpty()) {
			throw new UsernameNotFoundException("No name given");
		}
		if (hash == null) {
			return User.withUsername(username).password(this.unknownNameHash).authorities(List.of()).build();
		}
		return User.withUsername(username).password(hash).roles(ROLE).build();
	}

	private static int highestCost(Map<String, String> hashes) {
		return hashes.values()
			.stream()
			.map(BCRYPT_HASH::matcher)
			.filter(Matcher::matches)
			.mapToInt((hash) -> Integer.parseInt(hash.group(1)))
			.max()
			.orElse(PasswordHash.STRENGTH);
	}

}
