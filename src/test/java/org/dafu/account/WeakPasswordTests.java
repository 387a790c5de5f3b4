package org.dafu.account;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Common and repetitive passwords are refused wherever a password is set, with a clear
 * message in Chinese and English: a coordinator creating an account or resetting a
 * password, one's own change, and the first coordinator from the environment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class WeakPasswordTests {

	static final String PASSWORD = "weak password tests passphrase";

	static final Viewer COORDINATOR = Viewer.coordinator("boss");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountRepository repository;

	@Autowired
	AdminAccountInitializer admin;

	@Test
	void aCoordinatorCannotCreateAnAccountWithACommonPassword() throws Exception {
		String name = "weak" + TestData.unique();
		this.mvc
			.perform(post("/workspace/coordinator/accounts").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("username", name)
				.param("password", "password1234")
				.param("role", "COORDINATOR"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("这个密码太常见")));
		this.mvc
			.perform(post("/workspace/coordinator/accounts").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("lang", "en")
				.param("username", name)
				.param("password", "aaaaaaaaaaaa")
				.param("role", "COORDINATOR"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("only repeated or consecutive characters")));
		assertThat(this.repository.existsByUsername(name)).isFalse();
	}

	@Test
	void noOneChangesTheirOwnPasswordToARepetitiveOne() throws Exception {
		String name = "weak" + TestData.unique();
		AsViewer.call(COORDINATOR, () -> this.accounts.create(name, PASSWORD, Role.COORDINATOR, null, null));
		String before = this.repository.findByUsername(name).orElseThrow().getPasswordHash();
		this.mvc
			.perform(post("/account/password").with(AsViewer.as(Viewer.coordinator(name)))
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "123456789012")
				.param("confirmPassword", "123456789012"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只是重复或连续的字符")));
		assertThat(this.repository.findByUsername(name).orElseThrow().getPasswordHash()).isEqualTo(before);
	}

	@Test
	void aResetToACommonPasswordIsRefused() {
		String name = "weak" + TestData.unique();
		AccountView account = AsViewer.call(COORDINATOR,
				() -> this.accounts.create(name, PASSWORD, Role.COORDINATOR, null, null));
		assertThatThrownBy(
				() -> AsViewer.run(COORDINATOR, () -> this.accounts.resetPassword(account.id(), "iloveyou2024")))
			.isInstanceOf(AccountProblem.class)
			.hasMessage("account.error.password-common");
	}

	@Test
	void theFirstCoordinatorFromTheEnvironmentNeedsAStrongPasswordToo() {
		String name = "admin" + TestData.unique();
		assertThatThrownBy(() -> this.admin.createIfAbsent(name, "password1234"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("common password")
			.hasMessageNotContaining("password1234");
		assertThat(this.repository.existsByUsername(name)).isFalse();
	}

}
