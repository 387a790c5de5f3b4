package org.dafu.account;

import org.dafu.testing.AsViewer;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class AccountServiceTests {

	static final Viewer COORDINATOR = Viewer.coordinator("boss");

	@Autowired
	AccountService accounts;

	@Autowired
	AccountRepository repository;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdminAccountInitializer admin;

	@Test
	void coordinatorsCreateAccountsWhosePasswordsAreStoredAsBcryptHashes() {
		Scenario s = this.data.scenario();
		String name = "off" + TestData.unique();
		AccountView created = AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "correct horse battery", Role.OFFICIAL, s.unitId(), null));
		assertThat(created.unitId()).isEqualTo(s.unitId());
		String hash = this.repository.findByUsername(name).orElseThrow().getPasswordHash();
		assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain("correct horse");
		AccountUser user = new AccountUser(this.repository.findByUsername(name).orElseThrow());
		assertThat(user.viewer()).isEqualTo(Viewer.official(name, s.unitId()));
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICIAL");
	}

	@Test
	void theWrongRoleIsRefusedByTheServiceItself() {
		Scenario s = this.data.scenario();
		String name = "dep" + TestData.unique();
		for (Viewer wrong : new Viewer[] { s.official(), s.lead() }) {
			assertThatThrownBy(() -> AsViewer.call(wrong,
					() -> this.accounts.create(name, "correct horse battery", Role.COORDINATOR, null, null)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> AsViewer.call(wrong, () -> this.accounts.accounts()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> AsViewer.run(wrong, () -> this.accounts.disable(1L)))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> AsViewer.run(wrong, () -> this.accounts.resetPassword(1L, "another long one")))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> this.accounts.accounts()).isInstanceOfAny(AccessDeniedException.class,
				AuthenticationCredentialsNotFoundException.class);
		assertThat(this.repository.existsByUsername(name)).isFalse();
	}

	@Test
	void rulesOnAccountsHold() {
		Scenario s = this.data.scenario();
		String name = "dep" + TestData.unique();
		assertThatThrownBy(() -> AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "short", Role.DEPUTY, null, s.leadDeputyId())))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.error.password-short");
		assertThatThrownBy(() -> AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "long enough password", Role.DEPUTY, null, null)))
			.hasMessage("account.error.deputy");
		assertThatThrownBy(() -> AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "long enough password", Role.OFFICIAL, null, null)))
			.hasMessage("account.error.unit");
		assertThatThrownBy(() -> AsViewer.call(COORDINATOR,
				() -> this.accounts.create("<script>", "long enough password", Role.COORDINATOR, null, null)))
			.hasMessage("account.error.username");
		AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "long enough password", Role.DEPUTY, null, s.leadDeputyId()));
		assertThatThrownBy(() -> AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, "long enough password", Role.COORDINATOR, null, null)))
			.hasMessage("account.error.username-taken");
		// The database holds the same rules, whatever the Java code does.
		assertThatThrownBy(() -> this.jdbc
			.sql("insert into account (username, password_hash, role) values ('x" + TestData.unique()
					+ "', '{bcrypt}x', 'OFFICIAL')")
			.update()).hasMessageContaining("ck_account_official_has_unit");
		assertThatThrownBy(() -> this.jdbc
			.sql("insert into account (username, password_hash, role) values ('x" + TestData.unique()
					+ "', '{bcrypt}x', 'DEPUTY')")
			.update()).hasMessageContaining("ck_account_deputy_has_deputy");
	}

	@Test
	void theFirstCoordinatorComesFromTheEnvironmentAndNeverWithAWeakPassword() {
		String name = "admin" + TestData.unique();
		assertThatThrownBy(() -> this.admin.createIfAbsent(name, "admin12345"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("admin12345");
		assertThat(this.repository.existsByUsername(name)).isFalse();
		this.admin.createIfAbsent(name, "a long admin passphrase");
		assertThat(this.repository.findByUsername(name).orElseThrow().getRole()).isEqualTo(Role.COORDINATOR);
		String hash = this.repository.findByUsername(name).orElseThrow().getPasswordHash();
		// An existing account is never overwritten from the environment.
		this.admin.createIfAbsent(name, "another long passphrase");
		assertThat(this.repository.findByUsername(name).orElseThrow().getPasswordHash()).isEqualTo(hash);
	}

}
