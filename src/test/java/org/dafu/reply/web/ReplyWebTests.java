package org.dafu.reply.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dafu.platform.web.forms.Conflict;
import org.dafu.access.Viewer;
import org.dafu.history.AuditLog;
import org.dafu.opinion.OpinionService;
import org.dafu.opinion.VisibleOpinions;
import org.dafu.platform.RefusedException;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.IncompleteReplyException;
import org.dafu.reply.IssueRefusedException;
import org.dafu.reply.LetterContent;
import org.dafu.reply.NotSignerException;
import org.dafu.reply.Reply;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyStatus;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The reply's workspace pages in a web slice: how their forms bind, and what the
 * service's refusals become (the conflict page, the 403 preview, the editor again, field
 * messages). The service is mocked; what it decides is tested on the real database.
 */
@WebSlice({ ReplyEditorController.class, ReplyReviewController.class, ReplyIssueController.class,
		ReplyCorrectionController.class })
@Import(ReplyPages.class)
class ReplyWebTests {

	static final long UNIT = 31L;

	static final long ID = 5L;

	static final Viewer SIGNER = Viewer.official("reply-slice-signer", UNIT);

	static final Viewer DRAFTER = Viewer.drafter("reply-slice-drafter", UNIT);

	static final String BASE = "/workspace/unit/replies/" + ID;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@MockitoBean
	ReplyService replies;

	@MockitoBean
	ReplyDrafting drafting;

	@MockitoBean
	ReplyReview review;

	@MockitoBean
	ReplyCorrections corrections;

	@MockitoBean
	LetterGreeting greeting;

	/** The preview and confirmation pages show the co-units' opinions. */
	@MockitoBean(name = "opinionService")
	OpinionService opinions;

	@MockitoBean(name = "visibleOpinions")
	VisibleOpinions visibleOpinions;

	@Test
	void aStaleSaveGetsTheConflictPageBesideWhatWasTyped() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.DRAFT, 4, ResultClass.A));
		given(this.drafting.editDraft(eq(SIGNER), eq(ID), eq(3), any(LetterContent.class)))
			.willThrow(new ObjectOptimisticLockingFailureException(Reply.class, ID));

		MvcResult result = this.mvc.perform(letter(post(BASE), "3").with(AsViewer.as(SIGNER)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("fragments/conflict"))
			.andReturn();
		Conflict conflict = (Conflict) result.getModelAndView().getModel().get("conflict");
		assertThat(conflict.explanation().args()).containsExactly(3, 4);
		assertThat(conflict.links()).noneSatisfy((link) -> assertThat(link.url()).endsWith("/correction"));
		assertThat(conflict.rows()).anySatisfy((row) -> {
			assertThat(row.stored()).isEqualTo("已保存的开头");
			assertThat(row.submitted()).isEqualTo("刚刚输入的开头");
		});
	}

	@Test
	void aStaleSubmitGetsTheConflictPageWithTheVersionOfItsForm() throws Exception {
		given(this.replies.ofOwnUnit(DRAFTER, ID)).willReturn(reply(ReplyStatus.DRAFT, 4, ResultClass.A));
		willThrow(new ObjectOptimisticLockingFailureException(Reply.class, ID)).given(this.review)
			.submit(DRAFTER, ID, 2);

		MvcResult result = this.mvc
			.perform(post(BASE + "/submit").param("version", "2").with(AsViewer.as(DRAFTER)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("fragments/conflict"))
			.andReturn();
		Conflict conflict = (Conflict) result.getModelAndView().getModel().get("conflict");
		assertThat(conflict.explanation().args()).containsExactly(2, 4);
	}

	@Test
	void aStaleCorrectionSaysItWasACorrection() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.ISSUED, 7, ResultClass.A));
		willThrow(new ObjectOptimisticLockingFailureException(Reply.class, ID)).given(this.corrections)
			.correct(eq(SIGNER), eq(ID), eq(6), any(LetterContent.class), eq("更正错别字"));

		MvcResult result = this.mvc
			.perform(letter(post(BASE + "/correction"), "6").param("correctionNote", " 更正错别字 ")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name("fragments/conflict"))
			.andReturn();
		Conflict conflict = (Conflict) result.getModelAndView().getModel().get("conflict");
		assertThat(conflict.links()).anySatisfy((link) -> assertThat(link.url()).endsWith("/correction"));
	}

	@Test
	void aDrafterWhoOpensTheSigningPageIsRefusedOnThePreviewAndAudited() throws Exception {
		given(this.replies.ofOwnUnit(DRAFTER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, ResultClass.A));

		this.mvc.perform(get(BASE + "/issue").with(AsViewer.as(DRAFTER)))
			.andExpect(status().isForbidden())
			.andExpect(view().name(ReplyPages.PREVIEW_VIEW))
			.andExpect(model().attribute("refusal", "drafting.review.notSigner"))
			.andExpect(content().string(containsString("id=\"refusal\"")));
		verify(this.audit).record("reply-slice-drafter", "ACCESS_DENIED", "reply:" + ID, "open the 签发 page of", null);
	}

	@Test
	void aSignerRefusedByTheServiceGetsTheSameRefusal() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, ResultClass.A));
		given(this.review.issue(eq(SIGNER), eq(ID), eq(4), eq("王某"), any(Locale.class)))
			.willThrow(new NotSignerException(ID, "issue"));

		this.mvc
			.perform(post(BASE + "/issue").param("version", "4")
				.param("signerName", "王某")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(view().name(ReplyPages.PREVIEW_VIEW))
			.andExpect(model().attribute("refusal", "drafting.review.notSigner"));
		verify(this.audit).record("reply-slice-signer", "ACCESS_DENIED", "reply:" + ID, "issue", null);
	}

	@Test
	void anIncompleteReplyGoesBackToItsEditorFromTheSigningPageAndFromIssuing() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, null));
		given(this.replies.canSign(SIGNER, ID)).willReturn(true);

		this.mvc.perform(get(BASE + "/issue").with(AsViewer.as(SIGNER)))
			.andExpect(redirectedUrl(BASE + "/edit"))
			.andExpect(flash().attribute("message", "drafting.issue.incomplete"));

		given(this.review.issue(eq(SIGNER), eq(ID), eq(4), eq("王某"), any(Locale.class)))
			.willThrow(new IncompleteReplyException(List.of("resultClass")));
		this.mvc
			.perform(post(BASE + "/issue").param("version", "4")
				.param("signerName", "王某")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(redirectedUrl(BASE + "/edit"))
			.andExpect(flash().attribute("message", "drafting.issue.incomplete"));
	}

	@Test
	void aSignerNameTheReplyRefusesIsAskedForAgain() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, ResultClass.A));
		given(this.review.issue(eq(SIGNER), eq(ID), eq(4), eq(""), any(Locale.class)))
			.willThrow(new RefusedException("signerName", "drafting.issue.signerRequired", 50));

		this.mvc
			.perform(post(BASE + "/issue").param("version", "4")
				.param("signerName", "   ")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ReplyPages.CONFIRM_VIEW))
			.andExpect(model().attribute("signerError", "drafting.issue.signerRequired"))
			.andExpect(model().attribute("signerName", ""));
	}

	@Test
	void aGatesRefusalIsShownOnTheConfirmationPage() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, ResultClass.A));
		given(this.review.issue(eq(SIGNER), eq(ID), eq(4), eq("王某"), any(Locale.class)))
			.willThrow(new IssueRefusedException("协办意见尚未全部签发"));

		this.mvc
			.perform(post(BASE + "/issue").param("version", "4")
				.param("signerName", " 王某 ")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(view().name(ReplyPages.CONFIRM_VIEW))
			.andExpect(model().attribute("gateRefusal", "协办意见尚未全部签发"));
	}

	@Test
	void aReturnWithoutACommentSaysSoOnThePreview() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.SUBMITTED, 4, ResultClass.A));
		given(this.replies.canSign(SIGNER, ID)).willReturn(true);
		willThrow(new RefusedException("comment", "drafting.review.commentRequired", 500)).given(this.review)
			.returnForChanges(SIGNER, ID, 4, "");

		this.mvc.perform(post(BASE + "/return").param("version", "4").with(AsViewer.as(SIGNER)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ReplyPages.PREVIEW_VIEW))
			.andExpect(model().attribute("commentError", "drafting.review.commentRequired"))
			.andExpect(content().string(containsString("id=\"return-comment-error\"")));
	}

	@Test
	void aCorrectionAsksForEveryMissingPartAtOnceAndCallsNothing() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.ISSUED, 7, ResultClass.A));

		this.mvc
			.perform(post(BASE + "/correction").param("version", "7")
				.param("disclosureMode", "PROACTIVE")
				.param("resultClass", "")
				.with(AsViewer.as(SIGNER))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(ReplyPages.EDITOR_VIEW))
			.andExpect(model().attributeHasFieldErrorCode("form", "resultClass", "drafting.validation.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "sections", "drafting.correction.sectionsRequired"))
			.andExpect(model().attribute("noteError", "drafting.correction.noteRequired"));
		verify(this.corrections, never()).correct(any(), anyLong(), anyInt(), any(), anyString());
	}

	@Test
	void aRuleThePageDidNotAskFirstIsABadRequestNotAnError() throws Exception {
		given(this.replies.ofOwnUnit(SIGNER, ID)).willReturn(reply(ReplyStatus.DRAFT, 3, ResultClass.A));
		given(this.drafting.editDraft(eq(SIGNER), eq(ID), eq(3), any(LetterContent.class)))
			.willThrow(new RefusedException("disclosureReason", "drafting.validation.reasonRequired"));

		this.mvc.perform(letter(post(BASE), "3").with(AsViewer.as(SIGNER)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"));
	}

	@Test
	void absurdListIndexesAreRefusedBeforeBinding() throws Exception {
		this.mvc
			.perform(
					letter(post(BASE), "3").param("sections[1000].heading", "x").with(AsViewer.as(SIGNER)).with(csrf()))
			.andExpect(status().isBadRequest());
		verify(this.drafting, never()).editDraft(any(), anyLong(), anyInt(), any());
	}

	@Test
	void aSaveWithoutTheFormsTokenOrByAnotherRoleChangesNothing() throws Exception {
		this.mvc.perform(letter(post(BASE), "3").with(AsViewer.as(SIGNER))).andExpect(status().isForbidden());
		this.mvc
			.perform(letter(post(BASE), "3").with(AsViewer.as(Viewer.coordinator("reply-slice-coordinator")))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(BASE + "/edit")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(this.replies, this.drafting, this.review, this.corrections);
	}

	@Test
	void thePreviewLinksToTheDisclosurePageOnlyForWhoMayWithdraw() throws Exception {
		given(this.replies.ofOwnUnit(DRAFTER, ID)).willReturn(reply(ReplyStatus.ISSUED, 7, ResultClass.A));
		given(this.replies.canWithdraw(DRAFTER, ID)).willReturn(true);
		this.mvc.perform(get(BASE + "/preview").with(AsViewer.as(DRAFTER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"disclosure-link\"")));

		given(this.replies.canWithdraw(DRAFTER, ID)).willReturn(false);
		this.mvc.perform(get(BASE + "/preview").with(AsViewer.as(DRAFTER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"disclosure-link\""))));
	}

	@Test
	void aVersionThatIsNoNumberIsABadRequest() throws Exception {
		this.mvc.perform(post(BASE + "/submit").param("version", "四").with(AsViewer.as(DRAFTER)).with(csrf()))
			.andExpect(status().isBadRequest());
		verify(this.review, never()).submit(any(), anyLong(), anyInt());
	}

	/** A whole letter as the editor posts it, made from the given version. */
	private static MockHttpServletRequestBuilder letter(MockHttpServletRequestBuilder request, String version) {
		return request.param("version", version)
			.param("disclosureMode", "PROACTIVE")
			.param("resultClass", "A")
			.param("opening", "刚刚输入的开头")
			.param("sections[0].kind", "RESPONSE")
			.param("sections[0].heading", "关于道路")
			.param("sections[0].body", "正文");
	}

	private static ReplyView reply(ReplyStatus status, int version, ResultClass resultClass) {
		boolean issued = status == ReplyStatus.ISSUED;
		return new ReplyView(ID, status, ReplyKind.ORIGINAL, issued ? "ABCDEF/2026-1" : null,
				LocalDate.of(2026, 11, 20), null, DisclosureMode.PROACTIVE, null, "人大代表建议", "王某代表：", "已保存的开头",
				"感谢您的建议。", "市交通局", resultClass, issued ? java.time.Instant.parse("2026-11-21T02:00:00Z") : null,
				version, java.time.Instant.parse("2026-11-20T02:00:00Z"),
				new ReplyView.ProposalRef(9L, 12, "关于道路的建议", 3L, "第一次会议", 4L, "王某"),
				new ReplyView.UnitRef(UNIT, "市交通局"),
				List.of(new ReplyView.SectionView(1L, 1, SectionKind.RESPONSE, "关于道路", "正文", List.of())), List.of());
	}

}
