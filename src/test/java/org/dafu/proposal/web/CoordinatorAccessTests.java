package org.dafu.proposal.web;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only coordinators reach the coordinator workspace: officials and deputies get 403,
 * anonymous visitors are sent to sign in, and every change needs the CSRF token.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class CoordinatorAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	private static List<String> pages(Scenario s) {
		return List.of("/workspace/coordinator", "/workspace/coordinator/deadlines", "/workspace/coordinator/sessions",
				"/workspace/coordinator/sessions/new", "/workspace/coordinator/sessions/" + s.sessionId() + "/edit",
				"/workspace/coordinator/deputies", "/workspace/coordinator/deputies/new",
				"/workspace/coordinator/deputies/" + s.leadDeputyId() + "/edit", "/workspace/coordinator/units",
				"/workspace/coordinator/units/new", "/workspace/coordinator/units/" + s.unitId() + "/edit",
				"/workspace/coordinator/proposals", "/workspace/coordinator/proposals/new",
				"/workspace/coordinator/proposals/" + s.proposalId(),
				"/workspace/coordinator/proposals/" + s.proposalId() + "/edit");
	}

	private static List<String> actions(Scenario s) {
		return List.of("/workspace/coordinator/sessions", "/workspace/coordinator/sessions/" + s.sessionId(),
				"/workspace/coordinator/sessions/" + s.sessionId() + "/evaluation?closed=true",
				"/workspace/coordinator/deputies", "/workspace/coordinator/deputies/" + s.leadDeputyId(),
				"/workspace/coordinator/deputies/" + s.leadDeputyId() + "/deactivate", "/workspace/coordinator/units",
				"/workspace/coordinator/units/" + s.unitId(),
				"/workspace/coordinator/units/" + s.unitId() + "/deactivate", "/workspace/coordinator/proposals",
				"/workspace/coordinator/proposals/" + s.proposalId(),
				"/workspace/coordinator/proposals/" + s.proposalId() + "/assignment",
				"/workspace/coordinator/proposals/" + s.proposalId() + "/extension");
	}

	@Test
	void officialsAndDeputiesAreRefusedEveryPageAndAction() throws Exception {
		Scenario s = this.data.scenario();
		for (Viewer viewer : List.of(s.official(), s.otherOfficial(), s.lead(), s.bystander())) {
			for (String page : pages(s)) {
				this.mvc.perform(get(page).with(AsViewer.as(viewer))).andExpect(status().isForbidden());
			}
			for (String action : actions(s)) {
				this.mvc.perform(post(action).with(AsViewer.as(viewer)).with(csrf()).param("name", "越权"))
					.andExpect(status().isForbidden());
			}
		}
		assertThat(this.congress.session(s.sessionId()).evaluationClosed()).isFalse();
		assertThat(this.congress.deputy(s.leadDeputyId()).active()).isTrue();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		Scenario s = this.data.scenario();
		for (String page : pages(s)) {
			this.mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		}
		for (String action : actions(s)) {
			this.mvc.perform(post(action).with(csrf())).andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void aCoordinatorsChangeWithoutTheCsrfTokenIsRefused() throws Exception {
		Scenario s = this.data.scenario();
		Viewer coordinator = Viewer.coordinator("csrf-tests");
		for (String action : actions(s)) {
			this.mvc.perform(post(action).with(AsViewer.as(coordinator)).param("name", "无令牌"))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/workspace/coordinator/deputies/" + s.leadDeputyId() + "/deactivate")
				.with(AsViewer.as(coordinator))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(this.congress.deputy(s.leadDeputyId()).active()).isTrue();
		assertThat(this.congress.session(s.sessionId()).evaluationClosed()).isFalse();
	}

}
