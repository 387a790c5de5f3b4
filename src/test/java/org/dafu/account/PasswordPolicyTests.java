package org.dafu.account;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Common and repetitive passwords are refused, against the bundled list of the most
 * common ones; long passphrases pass.
 */
class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaa", "AAAAAAAAAAAA", "121212121212", "abcabcabcabc", "passwordpassword",
			"aaaabbbbcccc", "123456789012", "987654321098", "abcdefghijklm", "zyxwvutsrqpo", "111111111111" })
	void repetitiveOrConsecutiveCharactersAreRefused(String password) {
		assertThat(PasswordPolicy.problem("someone", password)).isEqualTo("account.error.password-repetitive");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password1234", "PASSWORD1234!", "qwertyuiop123", "1234iloveyou!",
			"1qaz2wsx3edc", "qwerty123456", "football2024", "dragon!!!!!!", "letmein20242024", "Ｐａｓｓｗｏｒｄ１２３４" })
	void commonPasswordsAndCommonPasswordsWithDigitsAddedAreRefused(String password) {
		assertThat(PasswordPolicy.problem("someone", password)).isEqualTo("account.error.password-common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a good long passphrase", "correct horse battery staple", "Import-Api-Passw0rd!",
			"我的密码是一句很长很长的话", "proof-password-2026", "audit pass phrase 42", "tR7#kq2!Lm9z" })
	void passphrasesAndRandomPasswordsPass(String password) {
		assertThat(PasswordPolicy.problem("someone", password)).isNull();
	}

	@Test
	void theOtherRulesStillApply() {
		assertThat(PasswordPolicy.problem("someone", "short")).isEqualTo("account.error.password-short");
		assertThat(PasswordPolicy.problem("someone", "长".repeat(25))).isEqualTo("account.error.password-long");
		assertThat(PasswordPolicy.problem("someone.long.name", "Someone.Long.Name"))
			.isEqualTo("account.error.password-username");
		// The demo password is set only by the demo mode, never accepted by the policy.
		assertThat(PasswordPolicy.problem("coordinator", DemoAccounts.PASSWORD)).isNotNull();
	}

	@Test
	void theBundledListIsARealListOfTheMostCommonPasswords() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(PasswordPolicy.COMMON_LIST)) {
			assertThat(in).isNotNull();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
			assertThat(lines.length).isGreaterThan(40_000);
			assertThat(lines).contains("123456", "password", "qwerty", "iloveyou", "letmein", "trustno1");
		}
		assertThat(PasswordPolicy.common("123456")).isTrue();
		assertThat(PasswordPolicy.common("a good long passphrase")).isFalse();
	}

}
