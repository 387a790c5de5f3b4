package org.dafu.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dafu.testing.AsViewer;
import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.FollowUpService;
import org.dafu.evaluation.FollowUpService.LetterText;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.notify.FollowKind;
import org.dafu.notify.FollowService;
import org.dafu.platform.web.NotFoundException;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.ReviseProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.dafu.unit.UnitService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Promise 5 of docs/security.md: checks also at the service layer. Each state-changing
 * public service method of the congress, unit, proposal, evaluation and notify features
 * is called as the wrong role (officials, deputies) and refuses with an
 * {@link AccessDeniedException} (or, where the service documents it, "not found" for
 * someone else's row), changing nothing; the right role succeeds, so the refusals are the
 * checks and not some other failure. Accounts: AccountServiceTests; replies:
 * ReplyServiceTests and HistoryTests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class MethodSecurityTests {

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	UnitService units;

	@Autowired
	ProposalService proposals;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	EvaluationService evaluations;

	@Autowired
	FollowUpService followUps;

	@Autowired
	FollowService follows;

	@Autowired
	JdbcClient jdbc;

	static void refused(Viewer viewer, Runnable call) {
		assertThatThrownBy(() -> AsViewer.run(viewer, call)).as(viewer.role() + " " + viewer.username())
			.isInstanceOf(AccessDeniedException.class);
	}

	static <T> T as(Viewer viewer, ThrowingSupplier<T> call) {
		return AsViewer.call(viewer, () -> {
			try {
				return call.get();
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void onlyCoordinatorsChangeSessionsDeputiesUnitsAndProposals() {
		Scenario s = this.data.scenario();
		Viewer coordinator = Viewer.coordinator("methodboss" + s.n());
		SessionView session = this.congress.session(s.sessionId());
		LocalDate deadline = LocalDate.of(2022, 7, 1);
		for (Viewer wrong : List.of(s.official(), s.lead(), s.otherOfficial())) {
			refused(wrong, () -> this.congress.updateSession(s.sessionId(), session.version(), session.bodyType(),
					session.level(), session.term(), session.sessionNumber(), 2030, "改名" + s.n()));
			refused(wrong, () -> this.congress.updateDeputy(s.leadDeputyId(), 0, "改名" + s.n(), null));
			refused(wrong, () -> this.congress.setDeputyActive(s.leadDeputyId(), false));
			refused(wrong, () -> this.units.update(s.unitId(), 0, "改名" + s.n(), "T" + s.n()));
			refused(wrong, () -> this.units.setActive(s.unitId(), false));
			refused(wrong, () -> this.proposals.revise(s.proposalId(), version(s.proposalId()),
					new ReviseProposalCommand("改名" + s.n(), null, s.leadDeputyId(), Set.of(), null, null, false)));
			refused(wrong, () -> this.proposals.assign(s.proposalId(), version(s.proposalId()), s.otherUnitId(),
					List.of(), LocalDate.of(2022, 3, 1), null));
			refused(wrong, () -> this.proposals.extendDeadline(s.proposalId(), version(s.proposalId()), deadline,
					"情况复杂", wrong.username()));
		}
		assertThat(this.congress.session(s.sessionId()).year()).isEqualTo(2022);
		assertThat(this.congress.deputy(s.leadDeputyId()).active()).isTrue();
		assertThat(this.units.unit(s.unitId()).active()).isTrue();
		assertThat(this.proposals.proposal(s.proposalId()).title()).doesNotContain("改名");
		assertThat(this.proposals.extensionsOf(s.proposalId())).isEmpty();

		// the coordinator may: the refusals above were the role checks
		as(coordinator, () -> this.congress.updateDeputy(s.leadDeputyId(), 0, "改名代表" + s.n(), null));
		AsViewer.run(coordinator, () -> this.units.setActive(s.otherUnitId(), false));
		as(coordinator, () -> this.proposals.extendDeadline(s.proposalId(), version(s.proposalId()), deadline, "情况复杂",
				coordinator.username()));
		assertThat(this.congress.deputy(s.leadDeputyId()).name()).isEqualTo("改名代表" + s.n());
		assertThat(this.units.unit(s.otherUnitId()).active()).isFalse();
		assertThat(this.proposals.extensionsOf(s.proposalId())).hasSize(1);
	}

	@Test
	void onlyTheLeadDeputyRatesAndOnlyTheRepliesUnitFollowsItUp() {
		Scenario s = this.data.scenario();
		long draft = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter("方法" + s.n(), DisclosureMode.PROACTIVE, ResultClass.B));
		long reply = this.review.issue(s.official(), draft, this.replies.readable(s.official(), draft).version()).id();
		RateCommand rating = new RateCommand(Rating.SATISFIED, Rating.SATISFIED, null);
		for (Viewer wrong : List.of(s.official(), s.cosigner(), Viewer.coordinator("methodboss" + s.n()))) {
			refused(wrong, () -> this.evaluations.rate(wrong, reply, rating));
		}
		assertThat(this.jdbc.sql("select count(*) from evaluation where reply_id = ?")
			.param(reply)
			.query(Long.class)
			.single()).isZero();

		LetterText text = new LetterText(null, "一、进展", "项目已开工。", ResultClass.A);
		for (Viewer wrong : List.of(s.otherOfficial(), s.lead(), Viewer.coordinator("methodboss" + s.n()))) {
			refused(wrong, () -> this.followUps.addFollowUp(wrong, reply, text, UUID.randomUUID()));
			if (wrong.isOfficial()) {
				// another unit's proposal is "not found" to an official (documented)
				assertThatThrownBy(
						() -> this.followUps.writeRehandlingReply(wrong, s.proposalId(), text, UUID.randomUUID()))
					.isInstanceOf(NotFoundException.class);
			}
			else {
				refused(wrong,
						() -> this.followUps.writeRehandlingReply(wrong, s.proposalId(), text, UUID.randomUUID()));
			}
		}
		assertThat(this.jdbc.sql("select count(*) from reply where proposal_id = ?")
			.param(s.proposalId())
			.query(Long.class)
			.single()).isEqualTo(1);

		this.evaluations.rate(s.lead(), reply, rating);
		this.followUps.addFollowUp(s.official(), reply, text, UUID.randomUUID());
		assertThat(this.jdbc.sql("select count(*) from reply where proposal_id = ?")
			.param(s.proposalId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void followsAreForSignedInViewersAndOnlyTheirOwnCanBeRemoved() {
		Scenario s = this.data.scenario();
		refused(Viewer.anonymous(),
				() -> this.follows.follow(Viewer.anonymous(), FollowKind.KEYWORD, null, "匿名" + s.n()));
		this.follows.follow(s.lead(), FollowKind.KEYWORD, null, "方法关注" + s.n());
		long follow = this.jdbc.sql("select id from follow where keyword = ?")
			.param("方法关注" + s.n())
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.follows.unfollow(s.bystander(), follow)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.follows.unfollow(Viewer.coordinator("methodboss" + s.n()), follow))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.jdbc.sql("select count(*) from follow where id = ?").param(follow).query(Long.class).single())
			.isEqualTo(1);
		this.follows.unfollow(s.lead(), follow);
		assertThat(this.jdbc.sql("select count(*) from follow where id = ?").param(follow).query(Long.class).single())
			.isZero();
	}

	int version(long proposalId) {
		return this.proposals.proposal(proposalId).version();
	}

}
