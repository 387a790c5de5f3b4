package org.dafu.account;

import org.dafu.testing.AsViewer;
import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.notify.RecipientDirectory;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts carry the address notices are mailed to; the notify feature finds it through
 * the accounts' {@link RecipientDirectory}: enabled accounts only, by deputy, unit, role
 * or username.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class AccountEmailTests {

	static final Viewer COORDINATOR = Viewer.coordinator("boss");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	RecipientDirectory directory;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDirectoryMailsEnabledAccountsOfTheDeputyTheUnitAndTheCoordinators() {
		Scenario s = this.data.scenario();
		int n = TestData.unique();
		AccountView deputy = create("dep" + n, Role.DEPUTY, null, s.leadDeputyId());
		AccountView official = create("off" + n, Role.OFFICIAL, s.unitId(), null);
		AccountView quiet = create("qui" + n, Role.OFFICIAL, s.unitId(), null);
		AccountView coordinator = create("coo" + n, Role.COORDINATOR, null, null);
		AsViewer.run(COORDINATOR, () -> {
			this.accounts.changeEmail(deputy.id(), " dep" + n + "@example.gov.cn ");
			this.accounts.changeEmail(official.id(), "off" + n + "@example.gov.cn");
			this.accounts.changeEmail(coordinator.id(), "coo" + n + "@example.gov.cn");
		});

		assertThat(this.directory.ofDeputy(s.leadDeputyId())).containsExactly("dep" + n + "@example.gov.cn");
		assertThat(this.directory.ofUnit(s.unitId())).containsExactly("off" + n + "@example.gov.cn");
		assertThat(this.directory.ofCoordinators()).contains("coo" + n + "@example.gov.cn");
		assertThat(this.directory.ofUser(quiet.username())).isEmpty();
		assertThat(this.directory.ofUnit(s.otherUnitId())).isEmpty();

		AsViewer.run(COORDINATOR, () -> this.accounts.disable(official.id()));
		assertThat(this.directory.ofUnit(s.unitId())).isEmpty();
	}

	@Test
	void everyoneSetsTheirOwnAddressAndABadOneChangesNothing() throws Exception {
		Scenario s = this.data.scenario();
		String name = "own" + TestData.unique();
		create(name, Role.OFFICIAL, s.unitId(), null);
		Viewer me = Viewer.official(name, s.unitId());

		this.mvc.perform(post("/account/email").param("email", name + "@example.gov.cn").with(as(me)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account"));
		assertThat(email(name)).isEqualTo(name + "@example.gov.cn");

		for (String bad : new String[] { "not an address", "<script>alert(1)</script>@x.cn", "a@b",
				"x'; drop table account; --@example.cn", "a".repeat(300) + "@example.cn" }) {
			this.mvc.perform(post("/account/email").param("email", bad).with(as(me)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("电子邮箱格式不正确")));
			assertThat(email(name)).isEqualTo(name + "@example.gov.cn");
		}
		this.mvc.perform(post("/account/email").param("email", "x@example.cn").with(as(me)))
			.andExpect(status().isForbidden());
		assertThat(email(name)).isEqualTo(name + "@example.gov.cn");

		this.mvc.perform(post("/account/email").param("email", "  ").with(as(me)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(email(name)).isNull();
	}

	private AccountView create(String username, Role role, Long unitId, Long deputyId) {
		return AsViewer.call(COORDINATOR,
				() -> this.accounts.create(username, "correct horse battery", role, unitId, deputyId));
	}

	private String email(String username) {
		return this.jdbc.sql("select email from account where username = ?")
			.param(username)
			.query(String.class)
			.list()
			.get(0);
	}

}
