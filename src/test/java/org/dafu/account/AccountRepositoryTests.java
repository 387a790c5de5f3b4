package org.dafu.account;

import org.dafu.access.Role;
import org.dafu.testing.Owners;
import org.dafu.testing.RepositoryTest;
import org.dafu.testing.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The account repository on the real database: the session check's projection (read on
 * every signed-in request by SessionValidityFilter) and the table's constraints.
 */
@RepositoryTest
class AccountRepositoryTests {

	private static final String HASH = "{noop}not-a-real-password";

	@Autowired
	AccountRepository accounts;

	@Autowired
	TestEntityManager entities;

	@Autowired
	Owners owners;

	@Test
	void theSessionStateFollowsDisablingAndANewPassword() {
		Account account = this.accounts
			.saveAndFlush(new Account("slice" + TestData.unique(), HASH, Role.OFFICIAL, this.owners.unit(), null));
		AccountRepository.SessionState before = this.accounts.sessionState(account.getId()).orElseThrow();
		assertThat(before.getEnabled()).isTrue();

		account.changePassword("{noop}another");
		this.accounts.saveAndFlush(account);
		this.entities.clear();
		AccountRepository.SessionState afterPassword = this.accounts.sessionState(account.getId()).orElseThrow();
		assertThat(afterPassword.getSessionEpoch()).isEqualTo(before.getSessionEpoch() + 1);

		Account reloaded = this.accounts.findById(account.getId()).orElseThrow();
		reloaded.disable();
		this.accounts.saveAndFlush(reloaded);
		this.entities.clear();
		AccountRepository.SessionState afterDisabling = this.accounts.sessionState(account.getId()).orElseThrow();
		assertThat(afterDisabling.getEnabled()).isFalse();
		assertThat(afterDisabling.getSessionEpoch()).isEqualTo(before.getSessionEpoch() + 2);

		assertThat(this.accounts.sessionState(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void anAccountIsFoundByItsUsername() {
		String username = "slice" + TestData.unique();
		this.accounts.saveAndFlush(new Account(username, HASH, Role.COORDINATOR, null, null));

		assertThat(this.accounts.findByUsername(username)).get()
			.extracting(Account::getRole)
			.isEqualTo(Role.COORDINATOR);
		assertThat(this.accounts.findByUsername(username + "x")).isEmpty();
	}

	@Test
	void theDatabaseRefusesASecondAccountWithOneUsername() {
		String username = "slice" + TestData.unique();
		this.accounts.saveAndFlush(new Account(username, HASH, Role.COORDINATOR, null, null));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.accounts.saveAndFlush(new Account(username, HASH, Role.COORDINATOR, null, null)))
			.withMessageContaining("uq_account_username");
	}

}
