package org.dafu.proposal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.DeputyView;
import org.dafu.congress.SessionView;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalOrigin;
import org.dafu.proposal.ProposalRefusedException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.proposal.ProposalService.ReviseProposalCommand;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The proposal list and the register and revise forms in a web slice: filters that are
 * parsed, never errors; ids that name nothing; the service's refusals beside their field;
 * a stale revision.
 */
@WebSlice({ ProposalListController.class, ProposalFormController.class })
@Import(ProposalNames.class)
class ProposalFormWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("slice-coordinator");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProposalDesk desk;

	@MockitoBean
	ProposalService proposals;

	@MockitoBean
	CongressService congress;

	@MockitoBean
	UnitService units;

	@MockitoBean
	CoordinationQueries queries;

	@BeforeEach
	void aSessionAndTwoDeputies() {
		given(this.congress.sessions()).willReturn(
				List.of(new SessionView(7L, "市八届人大一次会议", BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, false, 0)));
		DeputyView lead = new DeputyView(10L, "领衔代表", "代表团", true, 0);
		DeputyView cosigner = new DeputyView(11L, "联名代表", "代表团", true, 0);
		given(this.congress.deputies()).willReturn(List.of(lead, cosigner));
		given(this.congress.findDeputy(10L)).willReturn(Optional.of(lead));
		given(this.congress.findDeputy(11L)).willReturn(Optional.of(cosigner));
	}

	private static MockHttpServletRequestBuilder postAs(String url) {
		return post(url).with(AsViewer.as(COORDINATOR)).with(csrf());
	}

	@Test
	void theListParsesItsFiltersAndIgnoresWhatIsNoFilter() throws Exception {
		given(this.queries.proposals(any(), any())).willReturn(PageView.of(List.of(), Paging.of(1, null), 0));
		this.mvc
			.perform(get("/workspace/coordinator/proposals").param("session", "7")
				.param("status", "ASSIGNED")
				.param("unit", "1 or 1=1")
				.param("key", "true")
				.param("page", "x")
				.with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(view().name(ProposalListController.LIST_VIEW));
		verify(this.queries).proposals(new CoordinationQueries.ProposalFilter(7L, ProposalStatus.ASSIGNED, null, true),
				Paging.of(1, null));
	}

	@Test
	void aNumberTakenIsRefusedBesideTheNumber() throws Exception {
		given(this.desk.register(any()))
			.willThrow(new ProposalRefusedException("number", "coordination.proposal.duplicateNumber", 4));
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", "7")
				.param("number", "4")
				.param("title", "关于重复编号的建议")
				.param("leadDeputyId", "10"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ProposalFormController.FORM_VIEW))
			.andExpect(content().string(containsString("本次会议已有这个编号的建议")));
		verify(this.desk)
			.register(new RegisterProposalCommand(7L, 4, "关于重复编号的建议", null, 10L, Set.of(), null, null, false));
	}

	@Test
	void idsThatNameNothingAreRefusedBeforeTheDesk() throws Exception {
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals").param("sessionId", "8")
				.param("number", "5")
				.param("title", "关于无此代表的建议")
				.param("leadDeputyId", "999")
				.param("cosignerIds", "998"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有这个会议")))
			.andExpect(content().string(containsString("没有这位代表")))
			.andExpect(content().string(containsString("联名代表中有不存在的代表")));
		verifyNoInteractions(this.desk);
	}

	@Test
	void aRevisionKeepsTheNumberAndShowsTheRulesRefusalOrTheConflict() throws Exception {
		ProposalView stored = new ProposalView(41L, 7L, 4, "关于原标题的建议", null, 10L, Set.of(), null,
				LocalDate.of(2022, 2, 20), false, ProposalStatus.REGISTERED, List.of(), 2, ProposalOrigin.REGISTERED);
		given(this.proposals.proposal(41L)).willReturn(stored);
		willThrow(new ProposalRefusedException("cosignerIds", "coordination.proposal.cosignerIds.lead"))
			.given(this.desk)
			.revise(eq(41L), eq(2), any());
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/41").param("number", "99")
				.param("title", "关于新标题的建议")
				.param("leadDeputyId", "10")
				.param("cosignerIds", "10")
				.param("version", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("领衔代表不能同时是联名代表")));
		verify(this.desk).revise(41L, 2,
				new ReviseProposalCommand("关于新标题的建议", null, 10L, Set.of(10L), null, null, false));

		willThrow(new ObjectOptimisticLockingFailureException(ProposalView.class, 41L)).given(this.desk)
			.revise(anyLong(), eq(1), any());
		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/41").param("title", "关于新标题的建议")
				.param("leadDeputyId", "11")
				.param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("关于原标题的建议")));

		this.mvc
			.perform(postAs("/workspace/coordinator/proposals/41").param("title", "关于新标题的建议")
				.param("leadDeputyId", "10")
				.param("version", "3"))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/41"));
		verify(this.desk).revise(eq(41L), eq(3), any());
		verify(this.desk, org.mockito.Mockito.never()).register(any());
	}

}
