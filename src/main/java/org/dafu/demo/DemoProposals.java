package org.dafu.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.evaluation.EvaluationService;
import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;
import org.dafu.platform.ClockConfiguration;
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
import org.dafu.unit.UnitView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictitious proposals around the real sample, so that lists, filters, the deadline board
 * and the statistics have something to show: the sample's session gets a year of handled
 * proposals (every result class, one reply not disclosed, some late, some rated), and a
 * current session has work in progress (issued, rated 不满意 and re-handled, overdue drafts,
 * due soon, not started). Every name says 示例; the texts are short and plainly made up.
 */
@Component
class DemoProposals {

	private static final List<DemoUnit> UNITS = List.of(new DemoUnit("示例市交通运输局", "DEMO330804"),
			new DemoUnit("示例市教育局", "DEMO330805"), new DemoUnit("示例市农业农村局", "DEMO330806"),
			new DemoUnit("示例市卫生健康委员会", "DEMO330807"));

	private static final List<String> DEPUTIES = List.of("示例代表丙", "示例代表丁", "示例代表戊", "示例代表己", "示例代表庚");

	/**
	 * The deputy of the demo {@code deputy} account (account/DemoAccounts): fictitious, a
	 * co-signer of the real sample's proposal (第4号) and the lead of one fictitious
	 * proposal with an issued, public reply left for it to rate.
	 */
	static final String DEMO_DEPUTY = "示例联名代表一";

	/** The fictitious deputy who co-signs the current session's proposals. */
	static final String COSIGNER = "示例代表辛";

	/** The current session (fictitious) and its proposal led by the demo deputy. */
	static final String CURRENT_SESSION = "示例市九届人大一次会议";

	static final int RATABLE_NUMBER = 9;

	/** Title, topic, the measured subject and its unit. */
	private static final List<DemoTopic> TOPICS = List.of(new DemoTopic("关于加密城乡公交班次的建议", "交通", "城乡公交日均班次", "班次"),
			new DemoTopic("关于扩大义务教育优质学位供给的建议", "教育", "新增义务教育学位", "个"),
			new DemoTopic("关于推进高标准农田建设的建议", "农业农村", "高标准农田", "万亩"),
			new DemoTopic("关于提升基层医疗服务能力的建议", "卫生健康", "家庭医生签约服务人数", "万人"),
			new DemoTopic("关于完善农村公路养护机制的建议", "交通", "农村公路养护里程", "公里"),
			new DemoTopic("关于加强校园食品安全管理的建议", "教育", "“阳光厨房”覆盖学校", "所"),
			new DemoTopic("关于发展特色农产品电商的建议", "农业农村", "农产品网络零售额", "亿元"),
			new DemoTopic("关于优化急救网络布局的建议", "卫生健康", "急救站点", "个"), new DemoTopic("关于规范共享电单车停放的建议", "交通", "规范停放点位", "个"),
			new DemoTopic("关于加强青少年心理健康教育的建议", "教育", "配备专职心理教师的学校", "所"));

	private static final ResultClass[] CLASSES = { ResultClass.A, ResultClass.A, ResultClass.B, ResultClass.A,
			ResultClass.C, ResultClass.B, ResultClass.D, ResultClass.A, ResultClass.B };

	private final CongressService congress;

	private final UnitService units;

	private final ProposalService proposals;

	private final ReplyReview review;

	private final ReplyDrafting drafting;

	private final EvaluationService evaluations;

	DemoProposals(CongressService congress, UnitService units, ProposalService proposals, ReplyReview review,
			ReplyDrafting drafting, EvaluationService evaluations) {
		this.congress = congress;
		this.units = units;
		this.proposals = proposals;
		this.review = review;
		this.drafting = drafting;
		this.evaluations = evaluations;
	}

	void load(LocalDate today) {
		List<UnitView> unitViews = UNITS.stream()
			.map((u) -> this.units.unitWithCode(u.code()).orElseGet(() -> this.units.create(u.name(), u.code())))
			.toList();
		List<Long> deputies = DEPUTIES.stream().map((d) -> this.congress.deputyNamedOrCreate(d, null).id()).toList();
		handledYear(unitViews, deputies);
		workInProgress(unitViews, deputies, today);
		ratableProposalForTheDemoDeputy(today);
	}

	/**
	 * The demo deputy leads a fictitious proposal of the current session, co-signed by
	 * another fictitious deputy, with an issued public reply it has not rated. Made when
	 * absent, so also on a demo database kept from before (any number of restarts add it
	 * once).
	 */
	@Transactional
	void ratableProposalForTheDemoDeputy(LocalDate today) {
		int year = today.getYear();
		SessionView session = this.congress.sessionNamed(CURRENT_SESSION)
			.orElseGet(
					() -> this.congress.createSession(BodyType.NPC, CongressLevel.CITY, 9, 1, year, CURRENT_SESSION));
		if (this.proposals.proposal(session.id(), RATABLE_NUMBER).isPresent()) {
			return;
		}
		UnitView unit = this.units.unitWithCode(UNITS.get(0).code())
			.orElseGet(() -> this.units.create(UNITS.get(0).name(), UNITS.get(0).code()));
		long lead = this.congress.deputyNamedOrCreate(DEMO_DEPUTY, null).id();
		long cosigner = this.congress.deputyNamedOrCreate(COSIGNER, null).id();
		DemoTopic topic = new DemoTopic("关于增设城乡公交夜间线路的建议", "交通", "夜间公交线路", "条");
		LocalDate assigned = today.minusDays(60);
		long proposal = register(session, RATABLE_NUMBER, topic, lead, cosigner, assigned.minusDays(15), false);
		this.proposals.assign(proposal, unit.id(), List.of(), assigned, null);
		issue(proposal, unit, topic, ResultClass.A, DisclosureMode.PROACTIVE, null, assigned.plusDays(35), year, 9109);
	}

	/** The sample's session: nine more proposals, all replied in 2022. */
	private void handledYear(List<UnitView> units, List<Long> deputies) {
		SessionView session = this.congress.sessionNamedOrCreate("市八届人大一次会议", 2022);
		LocalDate assigned = LocalDate.of(2022, 3, 10);
		for (int i = 0; i < CLASSES.length; i++) {
			DemoTopic topic = TOPICS.get(i);
			UnitView unit = units.get(i % units.size());
			long lead = deputies.get(i % deputies.size());
			long proposal = register(session, 11 + i, topic, lead, deputies.get((i + 1) % deputies.size()),
					assigned.minusDays(18), i % 4 == 0);
			this.proposals.assign(proposal, unit.id(), List.of(), assigned, null);
			// two replies come after the three-month deadline
			LocalDate issued = assigned.plusDays((i % 5 == 3) ? 100 : 40 + 6 * i);
			DisclosureMode mode = (i == 5) ? DisclosureMode.NOT_PUBLIC : DisclosureMode.PROACTIVE;
			String reason = (i == 5) ? "涉及第三方商业信息，不予公开（示例）" : null;
			long reply = issue(proposal, unit, topic, CLASSES[i], mode, reason, issued, 2022, 9000 + i);
			if (i < 6) {
				Rating result = (i % 3 == 2) ? Rating.BASICALLY_SATISFIED : Rating.SATISFIED;
				rate(lead, reply, Rating.SATISFIED, result, (i == 0) ? "答复具体，措施可行。（示例）" : null);
			}
		}
	}

	/** A current session: issued, rated 不满意 and re-handled, overdue drafts, due soon. */
	private void workInProgress(List<UnitView> units, List<Long> deputies, LocalDate today) {
		int year = today.getYear();
		SessionView session = this.congress.sessionNamed(CURRENT_SESSION)
			.orElseGet(
					() -> this.congress.createSession(BodyType.NPC, CongressLevel.CITY, 9, 1, year, CURRENT_SESSION));
		long cosigner = this.congress.deputyNamedOrCreate(COSIGNER, null).id();
		for (int i = 0; i < 8; i++) {
			DemoTopic topic = TOPICS.get((i + 3) % TOPICS.size());
			UnitView unit = units.get(i % units.size());
			long lead = (i == 2) ? cosigner : deputies.get((i + 2) % deputies.size());
			// assigned between four months and three weeks ago
			LocalDate assigned = today.minusDays(120 - 14 * i);
			long proposal = register(session, 1 + i, topic, lead, cosigner, assigned.minusDays(15), i == 0);
			this.proposals.assign(proposal, unit.id(), List.of(), assigned, null);
			switch (i) {
				case 0, 1, 2 -> {
					ResultClass result = (i == 1) ? ResultClass.C : ResultClass.A;
					long reply = issue(proposal, unit, topic, result, DisclosureMode.PROACTIVE, null,
							assigned.plusDays(30 + i * 5), year, 9100 + i);
					if (i == 1) {
						// 不满意: the proposal goes back to the unit with a new deadline
						rate(lead, reply, Rating.BASICALLY_SATISFIED, Rating.UNSATISFIED, "措施不够具体，请再研究。（示例）");
					}
				}
				case 3, 4 -> this.drafting.createDraft(Viewer.official("demo-loader", unit.id()), proposal,
						ReplyKind.ORIGINAL,
						letter(topic, unit, ResultClass.B, DisclosureMode.PROACTIVE, null, today.minusDays(3), year));
				default -> {
					// assigned, nothing written yet (overdue, due soon or fresh by the
					// dates)
				}
			}
		}
	}

	private long register(SessionView session, int number, DemoTopic topic, long lead, long cosigner,
			LocalDate submitted, boolean key) {
		Set<Long> cosigners = (cosigner != lead) ? Set.of(cosigner) : Set.of();
		return this.proposals
			.register(new RegisterProposalCommand(session.id(), number, topic.title() + "（示例）",
					"建议" + topic.title().replace("关于", "").replace("的建议", "") + "。（示例建议，内容为虚构）", lead, cosigners,
					this.proposals.topicNamedOrCreate(topic.category()).id(), submitted, key))
			.id();
	}

	private long issue(long proposal, UnitView unit, DemoTopic topic, ResultClass result, DisclosureMode mode,
			String reason, LocalDate issued, int year, int serial) {
		LetterContent content = letter(topic, unit, result, mode, reason, issued, year);
		long id = this.review.recordIssued(proposal, unit.id(), ReplyKind.ORIGINAL, content,
				unit.orgCode() + "/" + year + "-" + String.format("%06d", serial),
				issued.atTime(LocalTime.of(10, 0)).atZone(ClockConfiguration.ZONE).toInstant());
		this.proposals.markReplied(proposal);
		return id;
	}

	private static LetterContent letter(DemoTopic topic, UnitView unit, ResultClass result, DisclosureMode mode,
			String reason, LocalDate date, int year) {
		BigDecimal achieved = BigDecimal.valueOf(120 + topic.title().length() * 7L);
		BigDecimal target = achieved.multiply(BigDecimal.valueOf(2));
		String done = "今年以来，全市" + topic.subject() + "达到" + achieved + topic.unit() + "。";
		String next = "到" + (year + 2) + "年，全市" + topic.subject() + "力争达到" + target + topic.unit() + "。";
		List<SectionContent> sections = List.of(
				new SectionContent(SectionKind.RESPONSE, "关于工作进展", done + "我们按照建议要求，逐项研究落实。（示例）",
						List.of(new FigureContent(topic.subject(), achieved, topic.unit(), FigureKind.ACHIEVEMENT, null,
								String.valueOf(date.getYear()), null, null, null, null, null, done))),
				new SectionContent(SectionKind.NEXT_STEPS, "下一步工作", "一是完善工作机制。二是加强督促检查。" + next,
						List.of(new FigureContent(topic.subject(), target, topic.unit(), FigureKind.TARGET, "达到", null,
								year + 2, null, null, null, null, next))));
		return new LetterContent(date, date, mode, reason, null, "示例代表：", "您提出的《" + topic.title() + "》收悉，现答复如下：",
				"感谢您对我市工作的关心和支持。", unit.name(), result, sections);
	}

	private void rate(long deputy, long reply, Rating attitude, Rating result, String comment) {
		this.evaluations.rate(Viewer.deputy("demo-loader", deputy), reply, new RateCommand(attitude, result, comment));
	}

	private record DemoUnit(String name, String code) {
	}

	private record DemoTopic(String title, String category, String subject, String unit) {
	}

}
