package com.focusedroom.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The token of a link that grants something by mail (a newsletter confirmation, a
 * sign-in): 256 random bits, URL-safe, of which only the SHA-256 is stored, so a copy of
 * the database opens no link. A plain hash is enough: the token is random, not a guess of
 * a person's choosing.
 *
 * @param value the token as it goes into the link
 * @param hash its SHA-256, 64 lower-case hex digits, as stored
 */
public record LinkToken(String value, String hash) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

	/** A new random token. */
	public static LinkToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new LinkToken(value, sha256(value));
	}

	/**
	 * The hash to look a token from a link up by; empty for anything that cannot be one
	 * of ours (a truncated or altered link finds nothing either way).
	 */
	public static Optional<String> hashOf(@Nullable String value) {
		if (value == null || !FORM.matcher(value).matches()) {
			return Optional.empty();
		}
		return Optional.of(sha256(value));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
