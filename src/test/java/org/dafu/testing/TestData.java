package org.dafu.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;
import org.dafu.unit.UnitService;

import org.springframework.stereotype.Component;

/**
 * Builds test data through the public services. The embedded database is shared by every
 * test class of a JVM, so every name and number made here is unique: tests never assume
 * an empty database, they look at their own rows.
 */
@Component
public class TestData {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000 + 100_000) * 10);

	private final CongressService congress;

	private final UnitService units;

	private final ProposalService proposals;

	private final ReplyDrafting drafting;

	private final ReplyReview review;

	public TestData(CongressService congress, UnitService units, ProposalService proposals, ReplyDrafting drafting,
			ReplyReview review) {
		this.congress = congress;
		this.units = units;
		this.proposals = proposals;
		this.drafting = drafting;
		this.review = review;
	}

	public static int unique() {
		return SEQUENCE.incrementAndGet();
	}

	/**
	 * A session, a unit, a lead deputy with a co-signer, a bystander deputy, one assigned
	 * proposal.
	 */
	public Scenario scenario() {
		int n = unique();
		SessionView session = this.congress.createSession(BodyType.NPC, CongressLevel.values()[n % 3],
				10 + (n / 60) % 90, 1 + n % 20, 2022, "测试会议" + n);
		long unit = this.units.create("测试单位" + n, "T" + n).id();
		long otherUnit = this.units.create("另一单位" + n, "U" + n).id();
		long lead = this.congress.createDeputy("领衔代表" + n, "测试代表团").id();
		long cosigner = this.congress.createDeputy("联名代表" + n, "测试代表团").id();
		long bystander = this.congress.createDeputy("其他代表" + n, "测试代表团").id();
		long proposal = this.proposals
			.register(new RegisterProposalCommand(session.id(), 4, "关于测试建议" + n + "的建议", "正文", lead, Set.of(cosigner),
					null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, unit, List.of(), LocalDate.of(2022, 3, 1), null);
		return new Scenario(session.id(), unit, otherUnit, lead, cosigner, bystander, proposal, n);
	}

	/**
	 * A letter whose every text part carries {@code marker}, with one target and one
	 * achievement.
	 */
	public static LetterContent letter(String marker, DisclosureMode mode, ResultClass resultClass) {
		FigureContent target = new FigureContent("规上工业总产值" + marker, new BigDecimal("5000"), "亿元", FigureKind.TARGET,
				"突破", null, 2026, null, null, null, null, "到2026年，规上工业总产值" + marker + "突破5000亿元。");
		FigureContent achievement = new FigureContent("光伏装机" + marker, new BigDecimal("37.5"), "万千瓦",
				FigureKind.ACHIEVEMENT, null, "1—9月", null, "柯城区", new BigDecimal("12.3"), "全省第1",
				new BigDecimal("130"), "1—9月，柯城区光伏装机" + marker + "37.5万千瓦。");
		return new LetterContent(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 6), mode,
				(mode == DisclosureMode.PROACTIVE) ? null : "涉及内部事项" + marker, null, "测试代表" + marker + "：",
				"您提出的建议" + marker + "收悉。", "感谢您对政府工作的关心和支持。" + marker, "测试单位", resultClass,
				List.of(new SectionContent(SectionKind.RESPONSE, "一、关于产业发展" + marker, "一是推进产业" + marker + "。\n二是培育企业。",
						List.of(target, achievement)),
						new SectionContent(SectionKind.NEXT_STEPS, "下一步", "一是继续推进" + marker + "。", List.of())));
	}

	/** An issued reply of the scenario's unit with its own 索引号. */
	public long issued(Scenario s, DisclosureMode mode, String marker) {
		return this.review.recordIssued(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL,
				letter(marker, mode, ResultClass.A), "T" + s.n() + "/2022-" + unique(), Instant.now());
	}

	public long draft(Scenario s, String marker) {
		return draft(s, s.proposalId(), marker);
	}

	public long draft(Scenario s, long proposalId, String marker) {
		return this.drafting.createDraft(s.official(), proposalId, ReplyKind.ORIGINAL,
				letter(marker, DisclosureMode.PROACTIVE, ResultClass.B));
	}

	/**
	 * Another proposal of the scenario's session and lead deputy, assigned to its unit.
	 */
	public long anotherProposal(Scenario s) {
		int number = 100 + unique() % 100_000;
		long proposal = this.proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于另一建议" + number + "的建议", "正文",
					s.leadDeputyId(), Set.of(), null, LocalDate.of(2022, 2, 20), false))
			.id();
		this.proposals.assign(proposal, s.unitId(), List.of(), LocalDate.of(2022, 3, 1), null);
		return proposal;
	}

	/** A new uniquely named session of the given year. */
	public SessionView session(int year) {
		int n = unique();
		return this.congress.createSession(BodyType.NPC, CongressLevel.values()[n % 3], 10 + (n / 60) % 90, 1 + n % 20,
				year, "统计会议" + n);
	}

	/** A new uniquely named unit; its organisation code is {@code "S" + n}. */
	public long unit(String name) {
		int n = unique();
		return this.units.create(name + n, "S" + n).id();
	}

	public long deputy(String name) {
		return this.congress.createDeputy(name + unique(), "测试代表团").id();
	}

	public long topic(String name) {
		return this.proposals.topicNamedOrCreate(name + unique()).id();
	}

	/** A proposal registered in a session and assigned to a lead unit. */
	public long assignedProposal(long sessionId, int number, long deputyId, Long topicId, long unitId,
			LocalDate assignedOn, LocalDate deadline) {
		long proposal = this.proposals
			.register(new RegisterProposalCommand(sessionId, number, "关于统计建议" + number + "的建议", "正文", deputyId,
					Set.of(), topicId, assignedOn.minusDays(10), false))
			.id();
		this.proposals.assign(proposal, unitId, List.of(), assignedOn, deadline);
		return proposal;
	}

	/**
	 * An issued reply with the given letter, signed on {@code signedOn}; its 索引号 uses the
	 * unit's organisation code {@code orgCode}.
	 */
	public long issuedWith(long proposalId, long unitId, String orgCode, LetterContent letter) {
		int year = (letter.signedOn() != null) ? letter.signedOn().getYear() : 2022;
		return this.review.recordIssued(proposalId, unitId, ReplyKind.ORIGINAL, letter,
				orgCode + "/" + year + "-" + unique(), Instant.now());
	}

	/** A short letter of one section, signed on {@code signedOn}, with its figures. */
	public static LetterContent shortLetter(String marker, DisclosureMode mode, ResultClass resultClass,
			LocalDate signedOn, List<FigureContent> figures) {
		return new LetterContent(signedOn, signedOn, mode, (mode == DisclosureMode.PROACTIVE) ? null : "内部" + marker,
				null, "代表：", "收悉。", "感谢。", "测试单位", resultClass,
				List.of(new SectionContent(SectionKind.RESPONSE, "一、关于" + marker, "正文" + marker, figures)));
	}

	public record Scenario(long sessionId, long unitId, long otherUnitId, long leadDeputyId, long cosignerId,
			long bystanderId, long proposalId, int n) {

		public Viewer official() {
			return Viewer.official("official" + this.n, this.unitId);
		}

		public Viewer otherOfficial() {
			return Viewer.official("other" + this.n, this.otherUnitId);
		}

		/** A 经办人 of the scenario's unit: drafts and submits, never issues. */
		public Viewer drafter() {
			return Viewer.drafter("drafter" + this.n, this.unitId);
		}

		public Viewer lead() {
			return Viewer.deputy("lead" + this.n, this.leadDeputyId);
		}

		public Viewer cosigner() {
			return Viewer.deputy("cosigner" + this.n, this.cosignerId);
		}

		public Viewer bystander() {
			return Viewer.deputy("bystander" + this.n, this.bystanderId);
		}

	}

	/**
	 * A word of Chinese characters found nowhere else in the shared database (made from
	 * {@link #unique()}), for search tests: e.g. 澜浔沁.
	 */
	public static String cjkWord() {
		String alphabet = "澜浔沁湄滢潆渟溆澈淙";
		StringBuilder word = new StringBuilder("翊");
		for (char digit : String.valueOf(unique()).toCharArray()) {
			word.append(alphabet.charAt(digit - '0'));
		}
		return word.toString();
	}

}
