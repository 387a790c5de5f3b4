package org.dafu.proposal.web;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.HistoryService;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No lost updates: two coordinators save from the same version; the first save stays, the
 * second gets the conflict page (409) with the stored values beside the submitted ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class CoordinatorConflictTests {

	static final Viewer FIRST = Viewer.coordinator("first-editor");

	static final Viewer SECOND = Viewer.coordinator("second-editor");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	UnitService units;

	@Autowired
	ProposalService proposals;

	@Autowired
	HistoryService history;

	private static MockHttpServletRequestBuilder save(Viewer viewer, String url) {
		return post(url).with(AsViewer.as(viewer)).with(csrf());
	}

	@Test
	void aStaleProposalSaveGetsTheConflictPageAndTheFirstSaveStays() throws Exception {
		Scenario s = this.data.scenario();
		ProposalView loaded = this.proposals.proposal(s.proposalId());
		String url = "/workspace/coordinator/proposals/" + s.proposalId();
		this.mvc
			.perform(save(FIRST, url).param("title", "第一位的标题" + s.n())
				.param("leadDeputyId", String.valueOf(s.leadDeputyId()))
				.param("version", String.valueOf(loaded.version())))
			.andExpect(status().is3xxRedirection());
		int revisions = this.history.revisions("proposal", s.proposalId()).size();
		this.mvc
			.perform(save(SECOND, url).param("title", "第二位的标题" + s.n())
				.param("leadDeputyId", String.valueOf(s.leadDeputyId()))
				.param("version", String.valueOf(loaded.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("建议已被他人修改")))
			.andExpect(content().string(containsString("第一位的标题" + s.n())))
			.andExpect(content().string(containsString("第二位的标题" + s.n())));
		assertThat(this.proposals.proposal(s.proposalId()).title()).isEqualTo("第一位的标题" + s.n());
		assertThat(this.history.revisions("proposal", s.proposalId())).hasSize(revisions);
	}

	@Test
	void aStaleExtensionIsRefusedAndNothingIsRecorded() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.anotherProposal(s);
		ProposalView loaded = this.proposals.proposal(id);
		String url = "/workspace/coordinator/proposals/" + id + "/extension";
		this.mvc
			.perform(save(FIRST, url).param("newDeadline", "2022-07-01")
				.param("reason", "第一位的理由")
				.param("version", String.valueOf(loaded.version())))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(save(SECOND, url).param("newDeadline", "2022-08-01")
				.param("reason", "第二位的理由")
				.param("version", String.valueOf(loaded.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("第一位的理由")))
			.andExpect(content().string(containsString("第二位的理由")));
		assertThat(this.proposals.proposal(id).lead().deadline()).hasToString("2022-07-01");
		assertThat(this.proposals.extensionsOf(id)).hasSize(1);
	}

	@Test
	void staleSessionDeputyAndUnitSavesGetTheConflictPage() throws Exception {
		Scenario s = this.data.scenario();
		SessionView session = this.congress.session(s.sessionId());
		for (Viewer editor : new Viewer[] { FIRST, SECOND }) {
			this.mvc
				.perform(save(editor, "/workspace/coordinator/sessions/" + session.id())
					.param("bodyType", session.bodyType().name())
					.param("level", session.level().name())
					.param("term", String.valueOf(session.term()))
					.param("sessionNumber", String.valueOf(session.sessionNumber()))
					.param("year", String.valueOf(session.year()))
					.param("name", session.name() + editor.username())
					.param("version", String.valueOf(session.version())))
				.andExpect((editor == FIRST) ? status().is3xxRedirection() : status().isConflict());
		}
		assertThat(this.congress.session(session.id()).name()).isEqualTo(session.name() + "first-editor");

		int deputyVersion = this.congress.deputy(s.leadDeputyId()).version();
		for (Viewer editor : new Viewer[] { FIRST, SECOND }) {
			this.mvc
				.perform(save(editor, "/workspace/coordinator/deputies/" + s.leadDeputyId())
					.param("name", "代表" + editor.username())
					.param("delegation", "代表团")
					.param("version", String.valueOf(deputyVersion)))
				.andExpect((editor == FIRST) ? status().is3xxRedirection() : status().isConflict());
		}
		assertThat(this.congress.deputy(s.leadDeputyId()).name()).isEqualTo("代表first-editor");

		int unitVersion = this.units.unit(s.unitId()).version();
		String code = this.units.unit(s.unitId()).orgCode();
		for (Viewer editor : new Viewer[] { FIRST, SECOND }) {
			this.mvc
				.perform(save(editor, "/workspace/coordinator/units/" + s.unitId())
					.param("name", "单位" + s.n() + editor.username())
					.param("orgCode", code)
					.param("version", String.valueOf(unitVersion)))
				.andExpect((editor == FIRST) ? status().is3xxRedirection() : status().isConflict())
				.andExpect((editor == FIRST) ? status().is3xxRedirection()
						: content().string(containsString("单位" + s.n() + "second-editor")));
		}
		assertThat(this.units.unit(s.unitId()).name()).isEqualTo("单位" + s.n() + "first-editor");
	}

}
