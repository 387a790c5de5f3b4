package org.dafu.account;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most 72 bytes
 * (bcrypt's limit), not the username. Long passphrases beat composition rules.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** The message key of the first rule broken, or null when the password is fine. */
	static String problem(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "account.error.password-short";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "account.error.password-long";
		}
		if (password.strip().equalsIgnoreCase((username != null) ? username.strip() : "")) {
			return "account.error.password-username";
		}
		return null;
	}

	static void check(String username, String password) {
		String problem = problem(username, password);
		if (problem != null) {
			throw new AccountProblem(problem);
		}
	}

}
