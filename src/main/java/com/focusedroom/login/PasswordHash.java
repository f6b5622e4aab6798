package com.focusedroom.login;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the {@code {bcrypt}} hash of a password for
 * {@code focusedroom.admin.users[n].password-hash}. The password is read from the console
 * without echo (or from standard input), never from the command line, so it stays out of
 * the shell history:
 *
 * <pre>
 * java -cp target/focusedroom.jar -Dloader.main=com.focusedroom.login.PasswordHash \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class PasswordHash {

	static final int STRENGTH = 12;

	private PasswordHash() {
	}

	public static void main(String[] args) throws IOException {
		String password;
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("Admin password: ");
			password = (typed != null) ? new String(typed) : "";
		}
		else {
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line = in.readLine();
			password = (line != null) ? line : "";
		}
		if (password.length() < 12) {
			System.err.println("Use a password of at least 12 characters.");
			System.exit(1);
		}
		System.out.println(hash(password));
	}

	static String hash(String password) {
		return hash(password, STRENGTH);
	}

	static String hash(String password, int cost) {
		return "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(password);
	}

}
