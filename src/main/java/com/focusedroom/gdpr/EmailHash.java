package com.focusedroom.gdpr;

import java.nio.charset.StandardCharsets;

import com.focusedroom.shared.KeyedHash;

/**
 * The keyed hash that is all that remains of an erased customer: HMAC-SHA256 of the
 * normalised email under a secret key from the configuration. Without the key the
 * database alone cannot tell which address it was, nor test guesses against it.
 */
final class EmailHash {

	private final KeyedHash hash;

	EmailHash(String key) {
		this.hash = new KeyedHash(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The hash, 64 lower-case hex digits, of an {@code email_id} as stored (already
	 * normalised; legacy placeholder addresses need not be deliverable).
	 */
	String ofStored(String emailId) {
		return this.hash.of(emailId);
	}

}
