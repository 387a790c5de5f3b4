package org.dafu.account;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in lands where the work is (unless a request was waiting for the sign-in), and
 * a coordinator makes an official a 签发人 or a 经办人.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class LandingAndSigningRightsTests {

	static final String PASSWORD = LoginTests.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	AccountView account(Role role, Boolean signer) {
		Scenario s = this.data.scenario();
		String name = role.name().toLowerCase() + TestData.unique();
		return AsViewer.call(Viewer.coordinator("boss"), () -> this.accounts.create(name, PASSWORD, role,
				(role == Role.OFFICIAL) ? s.unitId() : null, (role == Role.DEPUTY) ? s.leadDeputyId() : null, signer));
	}

	MvcResult login(String username, MockHttpSession session) throws Exception {
		int n = TestData.unique();
		var request = post("/login").param("username", username).param("password", PASSWORD).with(csrf()).with((r) -> {
			r.setRemoteAddr("10.9." + (n / 256 % 256) + "." + (n % 256));
			return r;
		});
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andReturn();
	}

	@Test
	void everyRoleLandsWhereItsWorkIs() throws Exception {
		assertThat(login(account(Role.COORDINATOR, null).username(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/workspace/coordinator/deadlines");
		assertThat(login(account(Role.OFFICIAL, true).username(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/workspace/unit");
		assertThat(login(account(Role.OFFICIAL, false).username(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/workspace/unit");
		assertThat(login(account(Role.DEPUTY, null).username(), null).getResponse().getRedirectedUrl())
			.isEqualTo("/my");
	}

	@Test
	void aRequestThatWaitedForTheSignInIsResumedInstead() throws Exception {
		AccountView official = account(Role.OFFICIAL, false);
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/workspace/unit/follow-ups"))
			.andExpect(redirectedUrl("/login"))
			.andReturn()
			.getRequest()
			.getSession();
		String target = login(official.username(), session).getResponse().getRedirectedUrl();
		assertThat(target).endsWith("/workspace/unit/follow-ups?continue");
	}

	@Test
	void theInboxCountsWhatWaitsForASignerAndForADrafter() throws Exception {
		Scenario s = this.data.scenario();
		this.mvc.perform(get("/workspace/unit").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待起草 1 件")))
			.andExpect(content().string(containsString("待审核签发 0 件")));
		this.mvc.perform(get("/workspace/unit").with(as(s.drafter())))
			.andExpect(content().string(containsString("待起草 1 件")))
			.andExpect(content().string(containsString("待签发人审核 0 件")))
			.andExpect(content().string(containsString("退回给我修改 0 件")));
	}

	@Test
	void aCoordinatorMakesAnOfficialADrafterOrASignerAndTheirSessionsEnd() throws Exception {
		AccountView official = account(Role.OFFICIAL, null);
		assertThat(official.signer()).as("an official signs unless chosen otherwise").isTrue();
		AccountView drafter = account(Role.OFFICIAL, false);
		assertThat(drafter.signer()).isFalse();
		Viewer coordinator = Viewer.coordinator("boss" + TestData.unique());

		this.mvc.perform(get("/workspace/coordinator/accounts/" + official.id()).with(as(coordinator)))
			.andExpect(content().string(containsString("id=\"signing-form\"")))
			.andExpect(content().string(containsString("签发人（审核、签发，也起草）")));
		MockHttpSession session = (MockHttpSession) login(official.username(), null).getRequest().getSession(false);
		this.mvc.perform(get("/workspace/unit").session(session)).andExpect(status().isOk());

		this.mvc
			.perform(post("/workspace/coordinator/accounts/" + official.id() + "/signing").with(csrf())
				.with(as(coordinator))
				.param("signer", "false"))
			.andExpect(redirectedUrl("/workspace/coordinator/accounts/" + official.id()))
			.andExpect(flash().attribute("message", "account.signing.changed"));
		assertThat(AsViewer.call(coordinator, () -> this.accounts.account(official.id())).signer()).isFalse();
		this.mvc.perform(get("/workspace/unit").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'SIGNING_CHANGED' and target = :t")
			.param("t", "account:" + official.username())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// a deputy's account has no signing; an official cannot change their own
		AccountView deputy = account(Role.DEPUTY, null);
		this.mvc
			.perform(post("/workspace/coordinator/accounts/" + deputy.id() + "/signing").with(csrf())
				.with(as(coordinator))
				.param("signer", "true"))
			.andExpect(flash().attribute("alert", "account.error.signing-not-official"));
		this.mvc
			.perform(post("/workspace/coordinator/accounts/" + drafter.id() + "/signing").with(csrf())
				.with(as(Viewer.drafter(drafter.username(), drafter.unitId())))
				.param("signer", "true"))
			.andExpect(status().isForbidden());
		assertThat(AsViewer.call(coordinator, () -> this.accounts.account(drafter.id())).signer()).isFalse();
	}

}
