package org.dafu.proposal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.history.HistoryService;
import org.dafu.platform.IllegalTransitionException;
import org.dafu.proposal.Assignment;
import org.dafu.proposal.AssignmentRole;
import org.dafu.proposal.Proposal;
import org.dafu.proposal.ProposalOrigin;
import org.dafu.proposal.ProposalReplies;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.proposal.ProposalView.AssignmentView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A proposal's page, 交办 and 延期 in a web slice: binding, the domain's refusals shown as
 * field messages, stale forms, and who may post. The desk is mocked; where a refusal is
 * the domain's, the mock runs the proposal's own rule.
 */
@WebSlice({ ProposalDetailController.class, AssignmentController.class })
@Import({ ProposalPage.class, ProposalNames.class })
class AssignmentWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("slice-coordinator");

	static final long ID = 41;

	static final LocalDate MARCH_1 = LocalDate.of(2022, 3, 1);

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
	ProposalReplies replies;

	@MockitoBean
	HistoryService history;

	@BeforeEach
	void aProposalAUnitAndASession() {
		given(this.congress.session(7L))
			.willReturn(new SessionView(7L, "市八届人大一次会议", BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, false, 0));
		UnitView unit = new UnitView(5L, "市发展改革委", "11330800002618015K", true, 0);
		given(this.units.units()).willReturn(List.of(unit));
		given(this.units.findUnit(5L)).willReturn(Optional.of(unit));
		given(this.units.findUnit(6L)).willReturn(Optional.of(new UnitView(6L, "已停用单位", "ABC123", false, 0)));
		given(this.proposals.defaultDeadline(any())).willAnswer((i) -> Assignment.defaultDeadline(i.getArgument(0)));
	}

	private void registered() {
		given(this.proposals.proposal(ID)).willReturn(proposal(ProposalStatus.REGISTERED, List.of()));
	}

	private void assigned(ProposalStatus status) {
		given(this.proposals.proposal(ID)).willReturn(proposal(status, List.of(new AssignmentView(1L, 5L,
				AssignmentRole.LEAD, MARCH_1, Assignment.defaultDeadline(MARCH_1), null, null))));
	}

	private static ProposalView proposal(ProposalStatus status, List<AssignmentView> assignments) {
		return new ProposalView(ID, 7L, 4, "关于测试的建议", "正文", 10L, Set.of(), null, null, false, status, assignments, 3,
				ProposalOrigin.REGISTERED);
	}

	private static MockHttpServletRequestBuilder postAs(String path) {
		return post("/workspace/coordinator/proposals/" + ID + path).with(AsViewer.as(COORDINATOR)).with(csrf());
	}

	@Test
	void thePageOffersTheFormsWithTheLatestPossibleDeadline() throws Exception {
		assigned(ProposalStatus.ASSIGNED);
		this.mvc.perform(get("/workspace/coordinator/proposals/" + ID).with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(view().name(ProposalPage.VIEW))
			.andExpect(content().string(containsString("市八届人大一次会议")))
			.andExpect(content().string(containsString("2022-09-01")));
	}

	@Test
	void aTwelveMonthDeadlineIsRefusedBesideItsField() throws Exception {
		registered();
		willAnswer((i) -> {
			Assignment.checkDeadline(i.getArgument(4), i.getArgument(5));
			return null;
		}).given(this.desk).assign(anyLong(), anyInt(), anyLong(), anyList(), any(), any());

		this.mvc
			.perform(postAs("/assignment").param("leadUnitId", "5")
				.param("assignedOn", "2022-03-01")
				.param("deadline", "2023-03-01")
				.param("version", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ProposalPage.VIEW))
			.andExpect(content().string(containsString("办理期限最长为交办之日起六个月")))
			.andExpect(content().string(containsString("id=\"deadline\"")));
		verify(this.desk).assign(ID, 3, 5L, List.of(), MARCH_1, LocalDate.of(2023, 3, 1));
	}

	@Test
	void aDateThatIsNoDateOrAUnitNotInUseIsRefusedBeforeTheDesk() throws Exception {
		registered();
		this.mvc.perform(postAs("/assignment").param("leadUnitId", "5").param("assignedOn", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写交办日期")));
		this.mvc
			.perform(postAs("/assignment").param("leadUnitId", "6")
				.param("assignedOn", "2022-03-01")
				.param("coUnitIds", "999"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有这个在用的承办单位")))
			.andExpect(content().string(containsString("协办单位中有不存在或已停用的单位")));
		verifyNoInteractions(this.desk);
	}

	@Test
	void aProposalAssignedMeanwhileSaysSoAndAStaleFormShowsTheConflict() throws Exception {
		assigned(ProposalStatus.ASSIGNED);
		willThrow(new IllegalTransitionException("proposal", ProposalStatus.ASSIGNED, ProposalStatus.ASSIGNED))
			.given(this.desk)
			.assign(anyLong(), eq(3), anyLong(), anyList(), any(), any());
		this.mvc.perform(
				postAs("/assignment").param("leadUnitId", "5").param("assignedOn", "2022-03-01").param("version", "3"))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/" + ID))
			.andExpect(flash().attribute("alert", "coordination.assign.notRegistered"));

		willThrow(new ObjectOptimisticLockingFailureException(Proposal.class, ID)).given(this.desk)
			.assign(anyLong(), eq(2), anyLong(), anyList(), any(), any());
		this.mvc.perform(
				postAs("/assignment").param("leadUnitId", "5").param("assignedOn", "2022-03-01").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("市发展改革委")));
	}

	@Test
	void anExtensionBeyondSixMonthsIsRefusedBesideItsField() throws Exception {
		assigned(ProposalStatus.ASSIGNED);
		willAnswer((i) -> {
			Proposal proposal = new Proposal(7L, 4, "建议", 10L);
			proposal.assign(5L, List.of(), MARCH_1, Assignment.defaultDeadline(MARCH_1));
			proposal.extendDeadline(i.getArgument(2), i.getArgument(3), "slice-coordinator", Instant.now());
			return null;
		}).given(this.desk).extend(anyLong(), anyInt(), any(), anyString());

		this.mvc.perform(
				postAs("/extension").param("newDeadline", "2022-09-02").param("reason", "情况复杂").param("version", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("期限最长为交办之日起六个月")));
		this.mvc.perform(
				postAs("/extension").param("newDeadline", "2022-05-01").param("reason", "情况复杂").param("version", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("新的期限须晚于现在的期限")));
		this.mvc.perform(
				postAs("/extension").param("newDeadline", "2022-09-01").param("reason", "情况复杂").param("version", "3"))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/" + ID))
			.andExpect(flash().attribute("message", "coordination.extend.done"));
	}

	@Test
	void onlyAProposalBeingHandledIsExtended() throws Exception {
		assigned(ProposalStatus.REPLIED);
		this.mvc.perform(
				postAs("/extension").param("newDeadline", "2022-09-01").param("reason", "情况复杂").param("version", "3"))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/" + ID))
			.andExpect(flash().attribute("alert", "coordination.extend.notOpen"));
		verifyNoInteractions(this.desk);
	}

	@Test
	void onlyACoordinatorPostsAndOnlyWithTheFormsToken() throws Exception {
		registered();
		this.mvc
			.perform(post("/workspace/coordinator/proposals/" + ID + "/assignment").with(AsViewer.as(COORDINATOR))
				.param("leadUnitId", "5")
				.param("assignedOn", "2022-03-01"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/coordinator/proposals/" + ID + "/assignment")
				.with(AsViewer.as(Viewer.official("slice-official", 5L)))
				.with(csrf())
				.param("leadUnitId", "5")
				.param("assignedOn", "2022-03-01"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.desk);
	}

}
