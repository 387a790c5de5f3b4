package org.dafu.platform.web;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forms posted in shapes no page sends are refused with a 4xx, never a 500: an index on a
 * field that is not a list ({@code email[3]=}), and a form record that cannot be built (a
 * wrong-typed value) together with a value a business rule rejects.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class MalformedFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anIndexOnAFieldThatIsNoListIsABadRequest() throws Exception {
		Scenario s = this.data.scenario();
		this.mvc.perform(get("/search").param("page[3]", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/replies").param("q[1]", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/account/email").param("email[3]", "x").with(as(s.lead())).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aFormThatCannotBeBuiltAndBreaksARuleIsShownAgainWithItsErrors() throws Exception {
		Scenario s = this.data.scenario();
		Viewer coordinator = Viewer.coordinator("malformed" + s.n());
		long before = proposals(s);
		this.mvc
			.perform(post("/workspace/coordinator/proposals").param("sessionId", "-1")
				.param("number", "7")
				.param("title", "关于畸形表单的建议")
				.param("leadDeputyId", "-1")
				.param("keyProposal", "-1")
				.with(as(coordinator))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}", s.proposalId()).param("title", "改")
				.param("leadDeputyId", "-1")
				.param("submittedOn", "-1")
				.with(as(coordinator))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/assignment", s.proposalId()).param("leadUnitId", "-1")
				.param("assignedOn", "-1")
				.with(as(coordinator))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(proposals(s)).isEqualTo(before);
	}

	private long proposals(Scenario s) {
		return this.jdbc.sql("select count(*) from proposal where session_id = ?")
			.param(s.sessionId())
			.query(Long.class)
			.single();
	}

}
