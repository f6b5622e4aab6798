package com.focusedroom.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret key: the one way the product turns a text it must not keep
 * (an erased customer's email, a typed admin name) into something it can recognise again
 * but not read back.
 */
public final class KeyedHash {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public KeyedHash(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	/** The hash of the text's UTF-8 bytes, 64 lower-case hex digits. */
	public String of(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
