package org.dafu.account;

import org.dafu.access.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An account refuses what a form could send with the message that says why. */
class AccountRulesTests {

	private static final String HASH = "{noop}x";

	@Test
	void anAccountRefusesByMessageNeverByAnAssertion() {
		assertThatExceptionOfType(AccountProblem.class)
			.isThrownBy(() -> new Account("a b", HASH, Role.COORDINATOR, null, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("account.error.username"));
		assertThatExceptionOfType(AccountProblem.class)
			.isThrownBy(() -> new Account("amy", HASH, Role.PUBLIC, null, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("account.error.role"));
		assertThatExceptionOfType(AccountProblem.class)
			.isThrownBy(() -> new Account("amy", HASH, Role.OFFICIAL, null, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("account.error.unit"));
		assertThatExceptionOfType(AccountProblem.class)
			.isThrownBy(() -> new Account("amy", HASH, Role.DEPUTY, null, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("account.error.deputy"));
		Account account = new Account("amy", HASH, Role.COORDINATOR, null, null);
		assertThatExceptionOfType(AccountProblem.class).isThrownBy(() -> account.changeEmail("not an address"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("account.error.email"));
		account.changeEmail(" ");
	}

}
