package org.dafu.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic proposals and replies shaped like the real sample letter
 * (letters/quzhou-2022-137066.txt): an addressee and opening, four to eight numbered
 * sections of several paragraphs (the last one "下一步"), figures written into sentences
 * (targets with a year, achievements with a period, region, growth and rank), a closing
 * and the issuing unit; all result classes and disclosure modes; evaluations by the lead
 * deputy. Everything comes from one {@link Random}, so a seed gives the same letters.
 */
final class SyntheticLetters {

	static final String[] NUMERALS = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	static final String[] TOPICS = { "分布式光伏", "光伏", "新型储能", "新能源汽车", "共同富裕", "乡村振兴", "数字化改革", "碳达峰碳中和", "城乡教育", "基层医疗",
			"居家养老", "公共交通", "老旧小区改造", "生态环境", "营商环境", "农村电网", "文化旅游", "就业创业" };

	static final String[] TOPIC_CATEGORIES = { "经济发展", "城乡建设", "生态环境", "教育科技", "卫生健康", "社会保障", "农业农村", "交通能源" };

	static final String[] ACTIONS = { "加快", "推进", "加大", "完善", "支持", "优化", "统筹", "强化" };

	static final String[] REGIONS = { "柯城区", "衢江区", "龙游县", "江山市", "常山县", "开化县", "智造新城" };

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "郑", "汪",
			"方", "毛", "叶", "余" };

	static final String[] GIVEN = { "伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英",
			"建华", "志强", "国平", "海燕", "卫东", "晓红", "正", "丽萍" };

	static final String[] UNIT_NAMES = { "市发展和改革委员会", "市经济和信息化局", "市教育局", "市科学技术局", "市民政局", "市财政局", "市人力资源和社会保障局",
			"市自然资源和规划局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化广电旅游局", "市卫生健康委员会", "市应急管理局",
			"市市场监督管理局", "市医疗保障局", "市大数据发展管理局", "国网衢州供电公司", "市能源局", "市城市管理局", "市体育局", "市退役军人事务局", "市统计局", "市林业局",
			"市数据资源管理局", "市投资促进中心", "市机关事务管理局" };

	/** Subject, unit, and a plausible range of values. */
	private static final Object[][] MEASURES = { { "光伏装机容量", "万千瓦", 5, 300 }, { "分布式光伏并网户数", "户", 500, 40000 },
			{ "规上工业总产值", "亿元", 100, 5000 }, { "新能源汽车充电桩", "个", 200, 20000 }, { "新型储能规模", "万千瓦时", 1, 80 },
			{ "城镇居民人均可支配收入", "元", 40000, 80000 }, { "农村居民人均可支配收入", "元", 20000, 45000 }, { "工业投资", "亿元", 50, 900 },
			{ "新增城镇就业", "人", 2000, 60000 }, { "高标准农田", "万亩", 1, 60 }, { "省级应用贯通率", "%", 60, 100 },
			{ "单位生产总值能耗下降", "%", 1, 20 }, { "公办幼儿园在园幼儿占比", "%", 40, 95 }, { "城乡公交一体化率", "%", 50, 100 },
			{ "老旧小区改造", "个", 5, 300 }, { "养老服务床位", "张", 500, 15000 } };

	private static final String[] COMPARATORS = { "达到", "突破", "力争达到", "不低于", "超过" };

	private static final String[] PERIODS = { "1—9月", "1—6月", "今年以来", "截至目前", "去年全年" };

	private static final String[] FILLER = { "近年来，我市坚持把%s作为推动高质量发展的重要抓手，持续加大工作力度", "市委市政府高度重视%s工作，成立工作专班，定期研究部署重点任务",
			"围绕%s，我们制定出台了专项实施方案，明确了目标任务、责任分工和时间节点", "坚持市县一体、部门协同，推动%s各项政策措施落地见效", "在%s方面，我们加强要素保障，统筹资金、土地、能耗等资源向重点项目倾斜",
			"积极争取省级试点，%s工作多次获得上级肯定", "通过召开现场推进会、专题协调会，及时解决%s推进中遇到的困难和问题", "将%s纳入年度重点工作考核，压实各地各部门责任",
			"加强宣传引导，营造全社会关心支持%s的良好氛围", "对照您提出的建议，我们逐条进行了研究，并吸收到%s相关工作中", "同时，依托数字化平台，实现%s数据实时监测、动态管理",
			"下一阶段将进一步深化%s领域改革，破除体制机制障碍", "加快补齐%s短板，推动城乡区域协调发展", "健全%s长效机制，确保工作可持续", "强化%s项目谋划，滚动实施一批牵引性重大项目" };

	private static final String[] SECTION_THEMES = { "统筹推进", "加强政策支持", "完善工作机制", "强化要素保障", "深化改革创新", "推动项目落地", "提升服务水平",
			"加强督查考核" };

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Random random;

	SyntheticLetters(long seed) {
		this.random = new Random(seed);
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	String personName() {
		return pick(SURNAMES) + pick(GIVEN);
	}

	Proposal proposal(int number, int sessionYear, int deputies, int units) {
		String topic = pick(TOPICS);
		String title = "关于" + pick(ACTIONS) + topic + "发展的建议";
		LocalDate submitted = LocalDate.of(sessionYear, 1 + nextInt(2), 1 + nextInt(28));
		int lead = nextInt(deputies);
		int cosignerCount = nextInt(4);
		List<Integer> cosigners = new ArrayList<>();
		for (int i = 0; i < cosignerCount; i++) {
			int c = nextInt(deputies);
			if (c != lead && !cosigners.contains(c)) {
				cosigners.add(c);
			}
		}
		int leadUnit = nextInt(units);
		int coUnit = (nextInt(5) == 0) ? (leadUnit + 1 + nextInt(units - 1)) % units : -1;
		LocalDate assignedOn = submitted.plusDays(15 + nextInt(20));
		LocalDate deadline = assignedOn.plusMonths(3);
		String body = "建议" + pick(ACTIONS) + topic + "工作，" + filler(topic) + "。";
		return new Proposal(number, title, body, topic, lead, cosigners, nextInt(TOPIC_CATEGORIES.length), submitted,
				nextInt(20) == 0, leadUnit, coUnit, assignedOn, deadline);
	}

	Reply reply(Proposal proposal, String sessionShortName, String leadName, int cosigners, String unitName) {
		boolean issued = nextInt(25) != 0;
		int d = nextInt(100);
		String disclosure = (d < 80) ? "PROACTIVE" : (d < 92) ? "ON_REQUEST" : "NOT_PUBLIC";
		String reason = switch (disclosure) {
			case "ON_REQUEST" -> "涉及企业经营信息，依申请公开";
			case "NOT_PUBLIC" -> "涉及内部研究事项，不予公开";
			default -> null;
		};
		int r = nextInt(100);
		String resultClass = (r < 55) ? "A" : (r < 85) ? "B" : (r < 95) ? "C" : "D";
		LocalDate signedOn = proposal.deadline().minusDays(nextInt(40));
		LocalDate writtenOn = signedOn.minusDays(nextInt(6));
		Instant issuedAt = signedOn.atTime(9 + nextInt(8), nextInt(60)).atZone(SHANGHAI).toInstant();
		String addressee = leadName + ((cosigners > 0) ? "等代表：" : "代表：");
		String opening = ((cosigners > 0) ? "你们" : "您") + "在" + sessionShortName + "期间提出的《" + proposal.title() + "》（第"
				+ proposal.number() + "号）收悉。现将有关情况答复如下：";
		int sectionCount = 4 + nextInt(5);
		List<Section> sections = new ArrayList<>();
		for (int i = 1; i < sectionCount; i++) {
			String theme = pick(SECTION_THEMES);
			sections.add(section("RESPONSE", NUMERALS[i] + "、关于" + theme + proposal.topic() + "工作", proposal.topic(),
					signedOn.getYear()));
		}
		sections.add(section("NEXT_STEPS", "下一步工作", proposal.topic(), signedOn.getYear()));
		String closing = "感谢" + ((cosigners > 0) ? "你们" : "您") + "对" + proposal.topic() + "工作的关心和支持，欢迎继续提出宝贵意见建议。";
		Evaluation evaluation = null;
		if (issued && nextInt(10) < 7) {
			String[] levels = { "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED" };
			int a = nextInt(10);
			int b = nextInt(10);
			evaluation = new Evaluation(levels[(a < 7) ? 0 : (a < 9) ? 1 : 2], levels[(b < 6) ? 0 : (b < 9) ? 1 : 2],
					(nextInt(3) == 0) ? "答复认真，希望持续跟进" + proposal.topic() + "工作。" : null);
		}
		return new Reply(issued, disclosure, reason, resultClass, writtenOn, signedOn, issuedAt, addressee, opening,
				closing, unitName, sections, evaluation);
	}

	private Section section(String kind, String heading, String topic, int year) {
		StringBuilder body = new StringBuilder();
		List<Figure> figures = new ArrayList<>();
		int paragraphs = 2 + nextInt(3);
		int figureBudget = kind.equals("NEXT_STEPS") ? nextInt(2) : nextInt(4);
		for (int p = 0; p < paragraphs; p++) {
			if (p > 0) {
				body.append('\n');
			}
			if (kind.equals("NEXT_STEPS")) {
				body.append(NUMERALS[p + 1]).append("是");
			}
			int sentences = 4 + nextInt(4);
			for (int s = 0; s < sentences; s++) {
				if (figureBudget > 0 && nextInt(3) == 0) {
					Figure figure = figure(year);
					figures.add(figure);
					body.append(figure.sentence());
					figureBudget--;
				}
				else {
					body.append(filler(topic)).append('。');
				}
			}
		}
		return new Section(kind, heading, body.toString(), figures);
	}

	private Figure figure(int year) {
		Object[] measure = MEASURES[nextInt(MEASURES.length)];
		String subject = (String) measure[0];
		String unit = (String) measure[1];
		int low = (Integer) measure[2];
		int high = (Integer) measure[3];
		BigDecimal value = BigDecimal.valueOf(low + this.random.nextDouble() * (high - low))
			.setScale(unit.equals("%") || unit.startsWith("万") || unit.equals("亿元") ? 1 + nextInt(2) : 0,
					RoundingMode.HALF_UP)
			.stripTrailingZeros();
		if (value.scale() < 0) {
			value = value.setScale(0);
		}
		String region = (nextInt(3) == 0) ? null : pick(REGIONS);
		String where = (region != null) ? region : "全市";
		if (nextInt(2) == 0) {
			int deadlineYear = year + 1 + nextInt(5);
			String comparator = pick(COMPARATORS);
			String sentence = "力争到" + deadlineYear + "年，" + where + subject + comparator + value.toPlainString() + unit
					+ "。";
			return new Figure(subject, value, unit, "TARGET", comparator, null, deadlineYear, region, null, null,
					sentence);
		}
		String period = pick(PERIODS);
		BigDecimal growth = BigDecimal.valueOf(nextInt(400) - 50, 1);
		String rank = (nextInt(3) == 0) ? "全省第" + (1 + nextInt(11)) : null;
		String sentence = period + "，" + where + subject + value.toPlainString() + unit + "，同比增长"
				+ growth.toPlainString() + "%" + ((rank != null) ? "，排名" + rank : "") + "。";
		return new Figure(subject, value, unit, "ACHIEVEMENT", null, period, null, region, growth, rank, sentence);
	}

	private String filler(String topic) {
		return String.format(pick(FILLER), topic);
	}

	private String pick(String[] values) {
		return values[nextInt(values.length)];
	}

	static String numeral(int n) {
		if (n <= 10) {
			return NUMERALS[n];
		}
		if (n < 20) {
			return "十" + ((n % 10 == 0) ? "" : NUMERALS[n % 10]);
		}
		return NUMERALS[n / 10] + "十" + ((n % 10 == 0) ? "" : NUMERALS[n % 10]);
	}

	record Proposal(int number, String title, String body, String topic, int leadDeputy, List<Integer> cosigners,
			int topicCategory, LocalDate submittedOn, boolean key, int leadUnit, int coUnit, LocalDate assignedOn,
			LocalDate deadline) {
	}

	record Reply(boolean issued, String disclosure, String disclosureReason, String resultClass, LocalDate writtenOn,
			LocalDate signedOn, Instant issuedAt, String addressee, String opening, String closing, String issuer,
			List<Section> sections, Evaluation evaluation) {
	}

	record Section(String kind, String heading, String body, List<Figure> figures) {
	}

	record Figure(String subject, BigDecimal value, String unit, String kind, String comparator, String period,
			Integer deadlineYear, String region, BigDecimal growthRate, String rank, String sentence) {
	}

	record Evaluation(String attitude, String result, String comment) {
	}

}
