package com.focusedroom.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

import com.focusedroom.shared.KeyedHash;
import org.jspecify.annotations.Nullable;

/**
 * The keyed hashes of the login throttle. A typed username is stored only as an HMAC, so
 * that a guess (often someone's email address) never reaches the database and unknown
 * names are counted exactly as known ones are (no shared bucket to tell them apart). A
 * browser that logged in gets a signed device token, so other people's failures cannot
 * lock it out.
 * <p>
 * The key is derived from the configured admins (names and bcrypt hashes, which are
 * secret configuration): every instance with the same configuration has the same key, so
 * the counts in the database are shared, and changing an admin's password invalidates
 * every device token.
 */
final class LoginKeys {

	private static final int NONCE_BYTES = 16;

	private static final int NAME_KEY_HEX = 40;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyedHash hash;

	LoginKeys(AdminProperties properties) {
		StringBuilder material = new StringBuilder("focusedroom admin login v1\n");
		properties.users()
			.stream()
			.sorted(Comparator.comparing((AdminProperties.User user) -> String.valueOf(user.username())))
			.forEach((user) -> material.append(user.username()).append('\0').append(user.passwordHash()).append('\n'));
		byte[] seed = properties.users().isEmpty() ? randomBytes(32) : sha256(material.toString());
		this.hash = new KeyedHash(seed);
	}

	/** The stored stand-in of a typed username: 40 hex digits of its HMAC. */
	String nameKey(@Nullable String typed) {
		return hmac("name\0" + ((typed != null) ? typed : "")).substring(0, NAME_KEY_HEX);
	}

	/** A new device token for a browser where the admin just logged in. */
	String newDeviceToken(String username) {
		String nonce = HexFormat.of().formatHex(randomBytes(NONCE_BYTES));
		return nonce + "." + hmac("device\0" + username + "\0" + nonce);
	}

	/**
	 * The device's stored key if the token was issued to this username by this
	 * configuration; empty for a missing, forged or foreign token.
	 */
	Optional<String> deviceKey(@Nullable String username, @Nullable String token) {
		if (username == null || token == null || token.length() > 200) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot != NONCE_BYTES * 2) {
			return Optional.empty();
		}
		String nonce = token.substring(0, dot);
		byte[] expected = hmac("device\0" + username + "\0" + nonce).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of("device:" + nonce) : Optional.empty();
	}

	private String hmac(String text) {
		return this.hash.of(text);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
