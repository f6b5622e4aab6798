package com.focusedroom.gdpr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that is all that remains of an erased customer: HMAC-SHA256 of the
 * normalised email under a secret key from the configuration. Without the key the
 * database alone cannot tell which address it was, nor test guesses against it.
 */
final class EmailHash {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	EmailHash(String key) {
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * The hash, 64 lower-case hex digits, of an {@code email_id} as stored (already
	 * normalised; legacy placeholder addresses need not be deliverable).
	 */
	String ofStored(String emailId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(emailId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
