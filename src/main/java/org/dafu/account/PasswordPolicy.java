package org.dafu.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most 72 bytes
 * (bcrypt's limit), not the username, not a common password and not a repetition or a run
 * of characters. Long passphrases beat composition rules.
 *
 * <p>
 * Common: the password, or what is left of it without digits and symbols at either end
 * ({@code password1234} is {@code password}), compared without case, is in the bundled
 * list {@code account/common-passwords.txt} (49,000 passwords most often found in leaks,
 * from the zxcvbn-ts project's common list). Repetitive: fewer than five different
 * characters ({@code aaaaaaaaaaaa}, {@code 121212121212}), one part repeated
 * ({@code abcdabcdabcd}), or a run ({@code 123456789012}, {@code abcdefghijkl}, and
 * backwards).
 *
 * <p>
 * Every place a password is set goes through {@link #check}: account creation by a
 * coordinator, one's own change, a coordinator's reset and the first coordinator from the
 * environment. The demo accounts' published password is set only in demo mode.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	static final String COMMON_LIST = "account/common-passwords.txt";

	private static final int MIN_DISTINCT = 5;

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
		String folded = Normalizer.normalize(password, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		if (repetitive(folded)) {
			return "account.error.password-repetitive";
		}
		if (common(folded)) {
			return "account.error.password-common";
		}
		return null;
	}

	static void check(String username, String password) {
		String problem = problem(username, password);
		if (problem != null) {
			throw new AccountProblem(problem);
		}
	}

	static boolean common(String folded) {
		Set<String> list = CommonPasswords.LIST;
		if (list.contains(folded)) {
			return true;
		}
		int start = 0;
		int end = folded.length();
		while (start < end && !Character.isLetter(folded.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(folded.charAt(end - 1))) {
			end--;
		}
		return end > start && list.contains(folded.substring(start, end));
	}

	static boolean repetitive(String folded) {
		int[] cps = folded.codePoints().toArray();
		if (java.util.Arrays.stream(cps).distinct().count() < MIN_DISTINCT) {
			return true;
		}
		for (int unit = 1; unit <= cps.length / 2; unit++) {
			if (cps.length % unit == 0 && repeats(cps, unit)) {
				return true;
			}
		}
		return run(cps, 1) || run(cps, -1);
	}

	private static boolean repeats(int[] cps, int unit) {
		for (int i = unit; i < cps.length; i++) {
			if (cps[i] != cps[i - unit]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Each character the one after (step 1) or before (-1) the last; 9 and 0 are next.
	 */
	private static boolean run(int[] cps, int step) {
		for (int i = 1; i < cps.length; i++) {
			int a = cps[i - 1];
			int b = cps[i];
			boolean digits = Character.isDigit(a) && Character.isDigit(b) && a <= '9' && b <= '9';
			boolean next = digits ? Math.floorMod(b - a, 10) == Math.floorMod(step, 10) : b - a == step;
			if (!next) {
				return false;
			}
		}
		return true;
	}

	/** Loaded once, on first use. */
	private static final class CommonPasswords {

		static final Set<String> LIST = load();

		private static Set<String> load() {
			Set<String> list = new HashSet<>(65_536);
			try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
				if (in == null) {
					throw new IllegalStateException(COMMON_LIST + " is missing");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					if (!line.startsWith("# ") && !line.isBlank()) {
						list.add(line.strip().toLowerCase(Locale.ROOT));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return Set.copyOf(list);
		}

	}

}
