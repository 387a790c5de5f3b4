package org.dafu.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.evaluation.EvaluationClosedException;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.FollowUpService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalStatus;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 满意度测评 and 重新办理, through the deputy's pages and the services: who may rate, how a second
 * rating behaves, what 不满意 does, and that nothing is saved when refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class EvaluationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	ProposalService proposals;

	@Autowired
	CongressService congress;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	FollowUpService followUps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	/** Drafts and issues (签发) a reply of the scenario's unit, as its official. */
	long issue(Scenario s, DisclosureMode mode, ResultClass resultClass, String marker) {
		long id = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter(marker, mode, resultClass));
		return this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version()).id();
	}

	/** A rating as posted, 不满意 confirmed (see unsatisfiedAsksForConfirmationFirst). */
	MockHttpServletRequestBuilder rate(long replyId, Rating attitude, Rating result, String comment) {
		return unconfirmed(replyId, attitude, result, comment).param("confirmed", "true");
	}

	MockHttpServletRequestBuilder unconfirmed(long replyId, Rating attitude, Rating result, String comment) {
		return post("/my/replies/{id}/evaluation", replyId).param("attitude", attitude.name())
			.param("result", result.name())
			.param("comment", comment);
	}

	@Test
	void unsatisfiedAsksForConfirmationFirstAndSavesNothingUntilConfirmed() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.C, "确认不满意");
		this.mvc
			.perform(unconfirmed(reply, Rating.SATISFIED, Rating.UNSATISFIED, "没有<b>解决</b>").with(as(s.lead()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-form\"")))
			.andExpect(content().string(containsString("退回承办单位重新办理")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
			.andExpect(content().string(containsString("没有&lt;b&gt;解决&lt;/b&gt;")));
		assertThat(ratings(reply)).isZero();
		assertThat(this.proposals.proposal(s.proposalId()).status()).isNotEqualTo(ProposalStatus.REHANDLING);
		// a satisfied result needs no confirmation
		long other = this.data.issued(s, DisclosureMode.PROACTIVE, "无需确认");
		this.mvc.perform(unconfirmed(other, Rating.UNSATISFIED, Rating.SATISFIED, null).with(as(s.lead())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(ratings(other)).isEqualTo(1);
		// confirmed: saved, and the proposal goes back for re-handling
		this.mvc.perform(rate(reply, Rating.SATISFIED, Rating.UNSATISFIED, "没有解决").with(as(s.lead())).with(csrf()))
			.andExpect(flash().attribute("message", "evaluation.my.saved.rehandling"));
		assertThat(ratings(reply)).isEqualTo(1);
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REHANDLING);
	}

	int ratings(long replyId) {
		return this.jdbc.queryForObject("select count(*) from evaluation where reply_id = ?", Integer.class, replyId);
	}

	@Test
	void myProposalsListsLedAndCosignedProposalsWithTheirNonPublicReplies() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.ON_REQUEST, ResultClass.A, "依申请甲");
		String index = this.replies.readable(s.official(), reply).indexNumber();
		for (Viewer deputy : List.of(s.lead(), s.cosigner())) {
			this.mvc.perform(get("/my").with(as(deputy)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("关于测试建议" + s.n() + "的建议")));
			this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(deputy)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(index)))
				.andExpect(content().string(containsString("测试单位" + s.n())))
				.andExpect(content().string(containsString("data-kind=\"ASSIGNED_LEAD\"")))
				.andExpect(content().string(containsString("data-kind=\"REPLIED_ORIGINAL\"")))
				.andExpect(content().string(not(containsString("data-kind=\"DISCLOSED\""))))
				.andExpect(content().string(containsString("交办测试单位" + s.n() + "主办，答复期限 2022-06-01")))
				.andExpect(content().string(containsString("测试单位" + s.n() + "的答复 " + index)))
				.andExpect(content().string(not(containsString("??"))));
		}
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).param("lang", "en").with(as(s.lead())))
			.andExpect(content().string(containsString("(lead), deadline 2022-06-01")))
			.andExpect(content().string(containsString("Submit rating")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/my").param("lang", "en").with(as(s.lead())))
			.andExpect(content().string(containsString("My proposals")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/my").with(as(s.bystander())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("关于测试建议" + s.n() + "的建议"))));
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.bystander())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(index))));
		this.mvc.perform(get("/my").with(as(s.official()))).andExpect(status().isForbidden());
		// Anonymous visitors are sent to sign in.
		this.mvc.perform(get("/my")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aCosignerSeesTheReplyButCannotRateIt() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.A, "联名甲");
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.cosigner())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reply-" + reply)))
			.andExpect(content().string(not(containsString("evaluation-form-" + reply))));
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.lead())))
			.andExpect(content().string(containsString("evaluation-form-" + reply)));
		this.mvc.perform(rate(reply, Rating.SATISFIED, Rating.SATISFIED, "联名代表不该评").with(as(s.cosigner())).with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.evaluations.rate(s.cosigner(), reply,
				new RateCommand(Rating.SATISFIED, Rating.SATISFIED, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(ratings(reply)).isZero();
		// once the lead has rated, the co-signer sees the rating
		this.mvc
			.perform(rate(reply, Rating.SATISFIED, Rating.BASICALLY_SATISFIED, "领衔意见<script>alert(1)</script>")
				.with(as(s.lead()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.cosigner())))
			.andExpect(content().string(containsString("领衔意见&lt;script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("rating-result-" + reply)));
	}

	@Test
	void aSecondRatingReplacesTheFirstUntilTheEvaluationIsClosed() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.A, "再评甲");
		this.mvc.perform(rate(reply, Rating.SATISFIED, Rating.SATISFIED, "第一次").with(as(s.lead())))
			.andExpect(status().isForbidden());
		assertThat(ratings(reply)).isZero();
		this.mvc.perform(rate(reply, Rating.SATISFIED, Rating.SATISFIED, "第一次").with(as(s.lead())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/my/proposals/" + s.proposalId() + "#reply-" + reply))
			.andExpect(flash().attribute("message", "evaluation.my.saved"));
		this.mvc
			.perform(rate(reply, Rating.BASICALLY_SATISFIED, Rating.BASICALLY_SATISFIED, "第二次").with(as(s.lead()))
				.with(csrf()))
			.andExpect(flash().attribute("message", "evaluation.my.replaced"));
		assertThat(ratings(reply)).isEqualTo(1);
		assertThat(this.evaluations.ratingOf(s.lead(), reply)).hasValueSatisfying((e) -> {
			assertThat(e.attitude()).isEqualTo(Rating.BASICALLY_SATISFIED);
			assertThat(e.result()).isEqualTo(Rating.BASICALLY_SATISFIED);
			assertThat(e.comment()).isEqualTo("第二次");
		});

		this.congress.setEvaluationClosed(s.sessionId(), true);
		this.mvc.perform(rate(reply, Rating.UNSATISFIED, Rating.UNSATISFIED, "第三次").with(as(s.lead())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("alert", "evaluation.my.refusedClosed"));
		assertThatThrownBy(() -> this.evaluations.rate(s.lead(), reply,
				new RateCommand(Rating.UNSATISFIED, Rating.UNSATISFIED, null)))
			.isInstanceOf(EvaluationClosedException.class);
		assertThat(this.evaluations.ratingOf(s.lead(), reply).orElseThrow().comment()).isEqualTo("第二次");
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.lead())))
			.andExpect(content().string(not(containsString("evaluation-form-" + reply))))
			.andExpect(content().string(containsString("rating-closed-" + reply)));
	}

	@Test
	void unsatisfiedSendsTheProposalBackWithADeadlineOneMonthAheadAndTheFirstReplyStays() throws Exception {
		Scenario s = this.data.scenario();
		long first = issue(s, DisclosureMode.ON_REQUEST, ResultClass.C, "不满意甲");
		LocalDate expected = LocalDate.now(this.clock).plusMonths(1);
		this.mvc
			.perform(
					rate(first, Rating.BASICALLY_SATISFIED, Rating.UNSATISFIED, "没有解决").with(as(s.lead())).with(csrf()))
			.andExpect(flash().attribute("message", "evaluation.my.saved.rehandling"));
		ProposalView proposal = this.proposals.proposal(s.proposalId());
		assertThat(proposal.status()).isEqualTo(ProposalStatus.REHANDLING);
		assertThat(proposal.lead().deadline()).isEqualTo(expected);
		assertThat(this.evaluations.rehandlingOf(s.proposalId()).orElseThrow().deadline()).isEqualTo(expected);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where proposal_id = ? and kind = 'REHANDLING_STARTED'"
						+ " and (recipient_unit_id = ? or recipient_role = 'COORDINATOR')",
				Integer.class, s.proposalId(), s.unitId()))
			.isEqualTo(2);
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.lead())))
			.andExpect(content().string(containsString("rehandling-deadline")))
			.andExpect(content().string(containsString(expected.toString())))
			.andExpect(content().string(containsString("data-kind=\"REHANDLING\"")));

		// the unit writes the second reply; the first stays visible
		this.mvc.perform(get("/workspace/unit/follow-ups").with(as(s.official())))
			.andExpect(content().string(containsString("rehandle-" + s.proposalId())));
		this.mvc
			.perform(post("/workspace/unit/rehandling/{id}", s.proposalId())
				.param("formToken", UUID.randomUUID().toString())
				.param("heading", "一、重新办理情况")
				.param("body", "重新办理后已解决。")
				.param("resultClass", "A")
				.with(as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		List<ReplyView> visible = this.replies.readableOfProposal(s.lead(), s.proposalId());
		assertThat(visible).extracting(ReplyView::kind).containsExactly(ReplyKind.ORIGINAL, ReplyKind.REHANDLING);
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where proposal_id = ? and kind = 'REHANDLING_ISSUED'", Integer.class,
				s.proposalId()))
			.isEqualTo(2);

		// re-handling happens once: 不满意 on the second reply is told, not sent back again
		long second = visible.get(1).id();
		assertThat(this.evaluations.rate(s.lead(), second, new RateCommand(Rating.SATISFIED, Rating.UNSATISFIED, null))
			.startedRehandling()).isFalse();
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
	}

	@Test
	void changingARatingToUnsatisfiedLaterStartsRehandlingOnce() {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.B, "改评甲");
		RateCommand satisfied = new RateCommand(Rating.SATISFIED, Rating.SATISFIED, null);
		RateCommand unsatisfied = new RateCommand(Rating.SATISFIED, Rating.UNSATISFIED, "改为不满意");
		assertThat(this.evaluations.rate(s.lead(), reply, satisfied).startedRehandling()).isFalse();
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(this.evaluations.rate(s.lead(), reply, unsatisfied).startedRehandling()).isTrue();
		assertThat(this.evaluations.rate(s.lead(), reply, satisfied).startedRehandling()).isFalse();
		assertThat(this.evaluations.rate(s.lead(), reply, unsatisfied).startedRehandling()).isFalse();
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REHANDLING);
		assertThat(this.jdbc.queryForObject("select count(*) from rehandling where proposal_id = ?", Integer.class,
				s.proposalId()))
			.isEqualTo(1);
	}

	@Test
	void ratingSomeoneElsesProposalIsRefusedAndSavesNothing() throws Exception {
		Scenario s = this.data.scenario();
		long hidden = issue(s, DisclosureMode.NOT_PUBLIC, ResultClass.A, "他人甲");
		long shown = this.replies.readableOfProposal(s.official(), s.proposalId()).get(0).id();
		assertThat(shown).isEqualTo(hidden);
		// a reply the bystander may not even see: not found
		this.mvc
			.perform(rate(hidden, Rating.UNSATISFIED, Rating.UNSATISFIED, "越权").with(as(s.bystander())).with(csrf()))
			.andExpect(status().isNotFound());
		// a public reply of someone else's proposal: refused by the access policy
		Scenario other = this.data.scenario();
		long open = issue(other, DisclosureMode.PROACTIVE, ResultClass.A, "他人乙");
		this.mvc.perform(rate(open, Rating.UNSATISFIED, Rating.UNSATISFIED, "越权").with(as(s.lead())).with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.evaluations.rate(s.lead(), open,
				new RateCommand(Rating.UNSATISFIED, Rating.UNSATISFIED, null)))
			.isInstanceOf(AccessDeniedException.class);
		// officials and coordinators do not rate either
		assertThatThrownBy(() -> this.evaluations.rate(other.official(), open,
				new RateCommand(Rating.UNSATISFIED, Rating.UNSATISFIED, null)))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc
			.perform(rate(open, Rating.UNSATISFIED, Rating.UNSATISFIED, "越权").with(as(other.official())).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(ratings(hidden)).isZero();
		assertThat(ratings(open)).isZero();
		assertThat(this.proposals.proposal(other.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
		assertThat(this.proposals.proposal(s.proposalId()).status()).isEqualTo(ProposalStatus.REPLIED);
	}

	@Test
	void aTooLongCommentOrAMissingRatingIsRejected() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.A, "校验甲");
		this.mvc
			.perform(rate(reply, Rating.SATISFIED, Rating.SATISFIED, "长".repeat(2001)).with(as(s.lead())).with(csrf()))
			.andExpect(flash().attribute("alert", "evaluation.my.invalid"));
		this.mvc
			.perform(post("/my/replies/{id}/evaluation", reply).param("attitude", "SATISFIED")
				.with(as(s.lead()))
				.with(csrf()))
			.andExpect(flash().attribute("alert", "evaluation.my.invalid"));
		assertThat(ratings(reply)).isZero();
	}

	@Test
	void theUnitAddsAFollowUpToAClassBReplyAndTheDeputiesAreTold() throws Exception {
		Scenario s = this.data.scenario();
		long reply = issue(s, DisclosureMode.PROACTIVE, ResultClass.B, "跟踪甲");
		long a = issue(this.data.scenario(), DisclosureMode.PROACTIVE, ResultClass.A, "跟踪乙");
		this.mvc.perform(get("/workspace/unit/follow-ups").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("follow-up-" + reply)));
		this.mvc.perform(get("/workspace/unit/follow-ups/{id}/new", reply).with(as(s.official())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/workspace/unit/follow-ups/{id}/new", reply).with(as(s.otherOfficial())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/unit/follow-ups/{id}/new", a).with(as(s.official())))
			.andExpect(status().is4xxClientError());
		this.mvc
			.perform(post("/workspace/unit/follow-ups/{id}", reply).param("formToken", UUID.randomUUID().toString())
				.param("heading", "一、进展")
				.param("body", "项目已开工。")
				.param("resultClass", "A")
				.with(as(s.official())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/unit/follow-ups/{id}", reply).param("heading", "")
				.param("body", "")
				.with(as(s.official()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-invalid")));
		this.mvc
			.perform(post("/workspace/unit/follow-ups/{id}", reply).param("formToken", UUID.randomUUID().toString())
				.param("heading", "一、进展")
				.param("body", "项目已开工。")
				.param("resultClass", "A")
				.with(as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.replies.readableOfProposal(s.lead(), s.proposalId())).extracting(ReplyView::kind)
			.containsExactly(ReplyKind.ORIGINAL, ReplyKind.FOLLOW_UP);
		this.mvc.perform(get("/notifications").with(as(s.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("跟踪办理答复")));
		this.mvc.perform(get("/my/proposals/{id}", s.proposalId()).with(as(s.cosigner())))
			.andExpect(content().string(containsString("data-kind=\"REPLIED_FOLLOW_UP\"")));
	}

}
