package org.dafu.proof;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.account.AccountService;
import org.dafu.account.AccountView;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.notify.FollowKind;
import org.dafu.notify.FollowService;
import org.dafu.opinion.OpinionService;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Rows and real accounts (with a password, for the login form) for the proof tests, made
 * through the services: a {@link TestData} scenario whose proposal 第4号 has an issued,
 * public reply with figures, and accounts for its lead deputy, an official of its unit
 * and a coordinator.
 */
public class ProofData {

	/** The password of every account made here (the policy asks for 12 characters). */
	public static final String PASSWORD = "proof-password-2026";

	private final TestData data;

	private final ReplyService replies;

	private final ReplyCorrections corrections;

	private final ReplyReview review;

	private final ReplyDrafting drafting;

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	private final EvaluationService evaluations;

	private final FollowService follows;

	private final CongressService congress;

	private final ProposalService proposals;

	private final OpinionService opinions;

	private Fixture shared;

	ProofData(TestData data, ReplyService replies, ReplyCorrections corrections, ReplyReview review,
			ReplyDrafting drafting, AccountService accounts, JdbcTemplate jdbc, EvaluationService evaluations,
			FollowService follows, CongressService congress, ProposalService proposals, OpinionService opinions) {
		this.data = data;
		this.opinions = opinions;
		this.congress = congress;
		this.proposals = proposals;
		this.replies = replies;
		this.corrections = corrections;
		this.review = review;
		this.drafting = drafting;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.evaluations = evaluations;
		this.follows = follows;
	}

	/**
	 * One fixture for the whole context, for tests that only read; richer than
	 * {@link #create()}: see {@link Extras}.
	 */
	public synchronized Fixture shared() {
		if (this.shared == null) {
			Fixture f = create();
			Scenario s = f.scenario();
			long openProposal = this.data.anotherProposal(s);
			long openReply = issue(s, openProposal, ResultClass.B, "跟进" + s.n());
			long rehandlingProposal = this.data.anotherProposal(s);
			long unsatisfied = issue(s, rehandlingProposal, ResultClass.C, "重办" + s.n());
			this.evaluations.rate(s.lead(), unsatisfied,
					new RateCommand(Rating.UNSATISFIED, Rating.UNSATISFIED, "答复没有解决问题。"));
			Viewer deputy = Viewer.deputy(f.deputy().username(), s.leadDeputyId());
			this.follows.follow(deputy, FollowKind.UNIT, s.unitId(), null);
			this.follows.follow(deputy, FollowKind.KEYWORD, null, "光伏");
			long draftProposal = this.data.anotherProposal(s);
			long draft = this.data.draft(s, draftProposal, "草稿" + s.n());
			// the draft went through one review round: submitted, returned with a comment
			this.review.submit(s.drafter(), draft, this.replies.readable(s.official(), draft).version());
			this.review.returnForChanges(s.official(), draft, this.replies.readable(s.official(), draft).version(),
					"请补充完成时限。");
			long submitted = this.data.draft(s, this.data.anotherProposal(s), "待审核" + s.n());
			this.review.submit(s.drafter(), submitted, this.replies.readable(s.official(), submitted).version());
			long unassigned = unassignedProposal(s);
			// a corrected reply (its letter shows the 更正说明) and a withdrawn one
			long corrected = issue(s, this.data.anotherProposal(s), ResultClass.A, "更正" + s.n());
			this.corrections.correct(s.official(), corrected, this.replies.readable(s.official(), corrected).version(),
					TestData.letter("已更正" + s.n(), DisclosureMode.PROACTIVE, ResultClass.A), "更正了第一节的数字。");
			long withdrawn = issue(s, this.data.anotherProposal(s), ResultClass.A, "撤回" + s.n());
			this.corrections.withdraw(s.official(), withdrawn, this.replies.readable(s.official(), withdrawn).version(),
					DisclosureMode.NOT_PUBLIC, "涉及个人信息。");
			// co-handling opinions: the unit co-handles a proposal of the other unit (its
			// opinion submitted, waiting for its signer), and leads one whose co-unit
			// signed
			// and published its opinion, with a draft and a public reply
			long coProposal = coHandled(s, s.otherUnitId(), s.unitId());
			Viewer coOfficial = s.official();
			this.opinions.save(coOfficial, coProposal, null, "本单位同意主办单位意见。" + s.n(), true);
			this.opinions.submit(coOfficial, coProposal, this.opinions.ofOwnUnit(coOfficial, coProposal).version());
			long coUnit = this.data.unit("协办单位");
			long opinionProposal = coHandled(s, s.unitId(), coUnit);
			Viewer coSigner = Viewer.official("co-signer-" + s.n(), coUnit);
			this.opinions.save(coSigner, opinionProposal, null, "协办单位意见：已安排专项资金。" + s.n(), true);
			this.opinions.submit(coSigner, opinionProposal,
					this.opinions.ofOwnUnit(coSigner, opinionProposal).version());
			this.opinions.sign(coSigner, opinionProposal, this.opinions.ofOwnUnit(coSigner, opinionProposal).version());
			long opinionDraft = this.data.draft(s, opinionProposal, "会签草稿" + s.n());
			long opinionReply = this.review.recordIssued(opinionProposal, s.unitId(), ReplyKind.ORIGINAL,
					TestData.letter("会签答复" + s.n(), DisclosureMode.PROACTIVE, ResultClass.A),
					"T" + s.n() + "/2022-" + TestData.unique(), java.time.Instant.now());
			this.shared = f.with(new Extras(openReply, rehandlingProposal, draft, unassigned, corrected, withdrawn,
					submitted, coProposal, opinionProposal, opinionDraft, opinionReply, draftProposal));
		}
		return this.shared;
	}

	/** A new fixture, for a test that changes things. */
	public Fixture create() {
		Scenario s = this.data.scenario();
		String marker = "证明" + s.n();
		long draft = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				TestData.letter(marker, DisclosureMode.PROACTIVE, ResultClass.A));
		long reply = this.review.issue(s.official(), draft, this.replies.readable(s.official(), draft).version()).id();
		String indexNumber = this.replies.readable(s.official(), reply).indexNumber();
		long figure = this.jdbc.queryForObject("select id from figure where reply_id = ? and kind = 'TARGET'",
				Long.class, reply);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AsViewer.authenticationOf(Viewer.coordinator("proof-setup")));
		SecurityContextHolder.setContext(context);
		try {
			AccountView coordinator = this.accounts.create("proof-coordinator-" + s.n(), PASSWORD, Role.COORDINATOR,
					null, null);
			AccountView deputy = this.accounts.create("proof-deputy-" + s.n(), PASSWORD, Role.DEPUTY, null,
					s.leadDeputyId());
			AccountView official = this.accounts.create("proof-official-" + s.n(), PASSWORD, Role.OFFICIAL, s.unitId(),
					null);
			return new Fixture(s, reply, indexNumber, figure, coordinator, deputy, official, null);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * A proposal of the scenario's lead deputy (co-signed by its co-signer), led by
	 * {@code leadUnit} and co-handled by {@code coUnit}.
	 */
	public long coHandled(Scenario s, long leadUnit, long coUnit) {
		int number = 100 + TestData.unique() % 100_000;
		long proposal = this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于会签建议" + number + "的建议", "正文",
					s.leadDeputyId(), Set.of(s.cosignerId()), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, leadUnit, java.util.List.of(coUnit), LocalDate.of(2022, 3, 1), null);
		return proposal;
	}

	/**
	 * A proposal of the scenario's session, led by its lead deputy, registered but not
	 * assigned to any unit (the coordinator's assign form shows on its page).
	 */
	public long unassignedProposal(Scenario s) {
		int number = 100 + TestData.unique() % 100_000;
		return this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于待交办建议" + number + "的建议", "正文",
					s.leadDeputyId(), Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
	}

	/**
	 * The sample letter (src/main/resources/letters/quzhou-2022-137066.txt) made unique
	 * for the shared database, as importing/ImportLetters does: a session of its own
	 * (created here, its name in the letter), a fresh proposal number (registered and
	 * assigned to the scenario's unit, as an official's import needs) and a fresh 索引号 of
	 * the scenario's unit ({@code T<n>/2022-…}: issuing the imported draft keeps it).
	 */
	public Letter letter(Scenario s) {
		int n = TestData.unique();
		String name = han(n % 10_000_000) + SAMPLE_SESSION;
		SessionView session = this.congress.createSession(BodyType.NPC, CongressLevel.values()[n % 3],
				10 + (n / 60) % 90, 1 + n % 20, 2022, name);
		int number = 1000 + n % 900_000;
		// an official imports only letters of proposals assigned to the unit
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session.id(), number, "关于注重六个统筹加大统筹力度高质量建设四省边际共同富裕示范区的建议", "正文",
					s.leadDeputyId(), Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, s.unitId(), java.util.List.of(), LocalDate.of(2022, 3, 1), null);
		String indexNumber = "T" + s.n() + "/2022-" + n;
		String text = sample().replace(SAMPLE_SESSION, name)
			.replace("(第4号)", "(第" + number + "号)")
			.replace(SAMPLE_INDEX_NUMBER, indexNumber);
		return new Letter(text, session, number, indexNumber);
	}

	/**
	 * A short letter as many are published: no disclosure header (so no 索引号) and no
	 * numbered sections, only plain paragraphs; its session (made here) and proposal
	 * (registered and assigned to the scenario's unit) are cited in its opening.
	 */
	public Letter plainLetter(Scenario s) {
		int n = TestData.unique();
		String name = han(n % 10_000_000) + SAMPLE_SESSION;
		SessionView session = this.congress.createSession(BodyType.NPC, CongressLevel.values()[n % 3],
				10 + (n / 60) % 90, 1 + n % 20, 2022, name);
		int number = 1000 + n % 900_000;
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session.id(), number, "关于加快建设城乡充电设施的建议", "正文", s.leadDeputyId(),
					Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, s.unitId(), java.util.List.of(), LocalDate.of(2022, 3, 1), null);
		String text = String.join("\n", "关于" + name + "第" + number + "号建议的答复", "张三代表：",
				"您在" + name + "上提出的《关于加快建设城乡充电设施的建议》（第" + number + "号）收悉。现答复如下：",
				"我局高度重视充电设施建设。今年以来，全市新建公共充电桩1200个，同比增长15%。", "下一步，我们将继续推进充电设施建设，力争到2025年建成公共充电桩5000个。",
				"感谢您对交通工作的关心和支持。", "某某市交通运输局", "2022年6月1日");
		return new Letter(text, session, number, "T" + s.n() + "/2022-" + n);
	}

	private static final String SAMPLE_SESSION = "市八届人大一次会议";

	private static final String SAMPLE_INDEX_NUMBER = "11330800002618015K/2022-137066";

	private static String han(int n) {
		String digits = "零壹贰叁肆伍陆柒捌玖";
		StringBuilder out = new StringBuilder();
		for (char c : String.format("%07d", n).toCharArray()) {
			out.append(digits.charAt(c - '0'));
		}
		return out.toString();
	}

	private static String sample() {
		try (InputStream in = ProofData.class.getResourceAsStream("/letters/quzhou-2022-137066.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A unique copy of the sample letter: its text, session, proposal number, 索引号. */
	public record Letter(String text, SessionView session, int number, String indexNumber) {

	}

	/**
	 * An account of a 经办人 of the scenario's unit (drafts and submits, never issues), with
	 * the password {@link #PASSWORD}.
	 */
	public AccountView drafter(Scenario s) {
		return AsViewer.call(Viewer.coordinator("proof-setup"), () -> this.accounts.create("proof-drafter-" + s.n(),
				PASSWORD, Role.OFFICIAL, s.unitId(), null, Boolean.FALSE));
	}

	/** Drafts and issues (签发) a public reply of the scenario's unit, as its official. */
	private long issue(Scenario s, long proposalId, ResultClass resultClass, String marker) {
		long draft = this.drafting.createDraft(s.official(), proposalId, ReplyKind.ORIGINAL,
				TestData.letter(marker, DisclosureMode.PROACTIVE, resultClass));
		return this.review.issue(s.official(), draft, this.replies.readable(s.official(), draft).version()).id();
	}

	/**
	 * What a proof test works on: the scenario, its issued public reply and one of that
	 * reply's targets, and three accounts whose password is {@link #PASSWORD}.
	 */
	public record Fixture(Scenario scenario, long replyId, String indexNumber, long figureId, AccountView coordinator,
			AccountView deputy, AccountView official, Extras extras) {

		Fixture with(Extras extras) {
			return new Fixture(this.scenario, this.replyId, this.indexNumber, this.figureId, this.coordinator,
					this.deputy, this.official, extras);
		}

		/** The username to sign in with as {@code who}; null for a visitor. */
		public String username(Who who) {
			return switch (who) {
				case VISITOR -> null;
				case DEPUTY -> this.deputy.username();
				case OFFICIAL -> this.official.username();
				case COORDINATOR -> this.coordinator.username();
			};
		}

	}

	/**
	 * Only in the {@link #shared()} fixture: a B-class reply the unit may follow up
	 * ({@code openReplyId}, on another proposal of the lead deputy), and a proposal whose
	 * C-class reply the lead rated 不满意, so it is back with the unit for re-handling
	 * ({@code rehandlingProposalId}). The lead deputy's account also follows the unit and
	 * the keyword 光伏. {@code draftReplyId} is a draft of the unit (another proposal of
	 * the lead deputy), {@code unassignedProposalId} a registered proposal not yet
	 * assigned, {@code correctedReplyId} a public reply with a published correction and
	 * {@code withdrawnReplyId} an issued reply withdrawn from public view. The draft was
	 * submitted and returned with a comment once; {@code submittedReplyId} is a draft
	 * submitted for review (待审核). Co-handling opinions: {@code coProposalId} is
	 * co-handled by the unit (its opinion submitted for review);
	 * {@code opinionProposalId} is led by the unit, its co-unit's opinion signed and
	 * published, with a draft ({@code opinionDraftReplyId}) and a public reply
	 * ({@code opinionReplyId}).
	 */
	public record Extras(long openReplyId, long rehandlingProposalId, long draftReplyId, long unassignedProposalId,
			long correctedReplyId, long withdrawnReplyId, long submittedReplyId, long coProposalId,
			long opinionProposalId, long opinionDraftReplyId, long opinionReplyId, long overdueProposalId) {

	}

	/** Who looks at a page. */
	public enum Who {

		VISITOR, DEPUTY, OFFICIAL, COORDINATOR

	}

}
