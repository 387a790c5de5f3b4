package org.dafu.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The real reply 11330800002618015K/2022-137066, taken apart field by field.
 */
class LetterParserSampleTests {

	private static final ParsedLetter LETTER = new LetterParser().parse(Letters.sample());

	@Test
	void readsTheDisclosureHeader() {
		assertThat(LETTER.metadata()).isEqualTo(
				new LetterMetadata("11330800002618015K/2022-137066", LocalDate.of(2022, 11, 20), "主动公开", "人大代表建议"));
	}

	@Test
	void readsAddresseeAndProposal() {
		assertThat(LETTER.addressee()).isEqualTo("朱伟正等代表");
		assertThat(LETTER.proposal()).isEqualTo(new ProposalRef("市八届人大一次会议", 4, "关于注重六个统筹加大统筹力度高质量建设四省边际共同富裕示范区的"));
		assertThat(LETTER.opening()).startsWith("你们在市八届人大一次会议期间提出的").endsWith("现将有关情况答复如下:");
	}

	@Test
	void readsEverySectionHeading() {
		assertThat(LETTER.sections()).extracting(ParsedSection::ordinal, ParsedSection::kind, ParsedSection::heading)
			.containsExactly(tuple(1, SectionKind.RESPONSE, "关于统筹产业发展,增创区域特色产业竞争新优势"),
					tuple(2, SectionKind.RESPONSE, "关于统筹招商引资,建立制造业招大引强联动落地新机制"),
					tuple(3, SectionKind.RESPONSE, "关于统筹“双碳”工作,实施碳达峰碳中和新方案"),
					tuple(4, SectionKind.RESPONSE, "关于统筹数字化改革,激发区域发展新活力"),
					tuple(5, SectionKind.RESPONSE, "关于统筹空间布局,促进城市人口新集聚"),
					tuple(6, SectionKind.RESPONSE, "关于统筹富民惠民政策,形成“扩中”“提低”新格局"),
					tuple(7, SectionKind.NEXT_STEPS, "下一步,我们将进一步加强统筹、市县一体、持续发力,在建设四省边际中心城市中争当“两个先行”示范窗口"));
	}

	@Test
	void keepsSectionTextWithoutHeadingOrClosing() {
		ParsedSection first = LETTER.sections().get(0);
		assertThat(first.text()).startsWith("实现共同富裕,工业是最大的支撑").endsWith("连续6个月排名全省第1。");
		assertThat(first.text().split("\n")).hasSize(2);
		ParsedSection sixth = LETTER.sections().get(5);
		assertThat(sixth.text()).endsWith("增速位列全省第1位。").doesNotContain("下一步");
		assertThat(LETTER.sections().get(1).items()).hasSize(3).first().asString().startsWith("一是优化空间布局");
	}

	@Test
	void splitsTheNextStepsIntoItems() {
		List<String> items = LETTER.sections().get(6).items();
		assertThat(items).hasSize(3);
		assertThat(items.get(0)).startsWith("一是坚持发展第一要务,全力推进“工业强市、产业兴市”。");
		assertThat(items.get(1)).startsWith("二是坚持创新第一动力,全力深化数字化改革和双碳建设。");
		assertThat(items.get(2)).startsWith("三是坚持人民第一位,全力推进以人为核心的新型城镇化。").contains("力争到2026年底基本完成");
	}

	@Test
	void readsClosingIssuerAndSigningDate() {
		assertThat(LETTER.closing()).isEqualTo("感谢你们对衢州经济社会发展的关心,希望你们继续为高质量发展建设四省边际共同富裕示范区建好言献好策。");
		assertThat(LETTER.issuer()).isEqualTo("衢州市人民政府办公室");
		assertThat(LETTER.signedDate()).isEqualTo(LocalDate.of(2022, 11, 6));
	}

	@Test
	void findsTargets() {
		assertThat(LETTER.figures()).filteredOn((f) -> f.kind() == FigureKind.TARGET)
			.extracting(ParsedFigure::section, ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit,
					ParsedFigure::comparator, ParsedFigure::deadlineYear, ParsedFigure::region)
			.containsExactly(tuple(1, "规上工业总产值", new BigDecimal("5000"), "亿元", "突破", 2026, null),
					tuple(1, "规上工业亩均税收", new BigDecimal("30"), "万元/亩", "达到", 2026, null),
					tuple(1, "千亿级新材料产业集群", new BigDecimal("1"), "个", null, 2026, null),
					tuple(1, "五百亿级先进制造业集群", new BigDecimal("2"), "个", null, 2026, null),
					tuple(1, "特色鲜明的百亿级“新星”产业集群", new BigDecimal("1"), "个", null, 2026, null),
					tuple(1, "主导产业占比", new BigDecimal("50"), "%", "左右", 2026, null),
					tuple(2, "工业熟地", new BigDecimal("5000"), "亩", "不少于", null, "智造新城"),
					tuple(2, "工业熟地", new BigDecimal("2000"), "亩", "不少于", null, null),
					tuple(5, "市区常住人口", new BigDecimal("100"), "万人", "超过", 2026, null),
					tuple(5, "居民人均收入", new BigDecimal("76633"), "元", "达到", 2026, null));
	}

	@Test
	void findsAchievementsWithGrowthAndRank() {
		assertThat(LETTER.figures()).filteredOn((f) -> f.section() == 1 && f.kind() == FigureKind.ACHIEVEMENT)
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit, ParsedFigure::period,
					ParsedFigure::growthRate, ParsedFigure::rank)
			.containsExactly(tuple("规上工业总产值", new BigDecimal("2062.44"), "亿元", "1—9月", new BigDecimal("12.3"), null),
					tuple("工业投资", new BigDecimal("37.5"), "%", "1—9月", new BigDecimal("37.5"), 1),
					tuple("制造业投资", new BigDecimal("56.5"), "%", "1—9月", new BigDecimal("56.5"), 1));
		assertThat(LETTER.figures()).filteredOn((f) -> "全体居民人均可支配收入".equals(f.subject()))
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.value()).isEqualByComparingTo("35140");
				assertThat(f.unit()).isEqualTo("元");
				assertThat(f.growthRate()).isEqualByComparingTo("6.8");
				assertThat(f.rank()).isEqualTo(1);
				assertThat(f.source()).isEqualTo("我市全体居民人均可支配收入35140元,同比增长6.8%,增速位列全省第1位。");
			});
	}

	@Test
	void assignsTaskSharesRespectively() {
		assertThat(LETTER.figures()).filteredOn((f) -> f.taskShare() != null)
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit, ParsedFigure::taskShare,
					ParsedFigure::period)
			.containsExactly(tuple("职业技能培训", new BigDecimal("8.59"), "万人次", new BigDecimal("130"), "今年前三季度"),
					tuple("农民培训", new BigDecimal("34800"), "人次", new BigDecimal("116"), "今年前三季度"),
					tuple("三衢工匠", new BigDecimal("5256"), "名", new BigDecimal("97.28"), "今年前三季度"),
					tuple("公益性岗位", new BigDecimal("5180"), "个", new BigDecimal("103.6"), "今年前三季度"),
					tuple("农民异地搬迁", new BigDecimal("1574"), "人", new BigDecimal("73"), "今年前三季度"));
	}

	@Test
	void findsRegionalBreakdowns() {
		assertThat(LETTER.figures()).filteredOn((f) -> "并网光伏装机".equals(f.subject()))
			.extracting(ParsedFigure::region, ParsedFigure::value, ParsedFigure::unit)
			.containsExactly(tuple(null, new BigDecimal("204.22"), "万千瓦"), tuple("柯城区", new BigDecimal("31.27"), "万千瓦"),
					tuple("衢江区", new BigDecimal("49.47"), "万千瓦"), tuple("龙游县", new BigDecimal("37.95"), "万千瓦"),
					tuple("江山市", new BigDecimal("46.46"), "万千瓦"), tuple("常山县", new BigDecimal("19.38"), "万千瓦"),
					tuple(null, new BigDecimal("19.69"), "万千瓦"));
		assertThat(LETTER.figures()).filteredOn((f) -> "抽水蓄能电站项目".equals(f.subject()))
			.extracting(ParsedFigure::region, ParsedFigure::value)
			.containsExactly(tuple(null, new BigDecimal("7")), tuple("柯城区", new BigDecimal("1")),
					tuple("衢江区", new BigDecimal("3")), tuple("江山市", new BigDecimal("1")),
					tuple("开化县", new BigDecimal("1")), tuple("龙游县", new BigDecimal("1")),
					tuple("常山县", new BigDecimal("0")));
	}

	@Test
	void findsOtherAchievements() {
		assertThat(LETTER.figures())
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit, ParsedFigure::comparator,
					ParsedFigure::period)
			.contains(tuple("各类社会主体碳账户", new BigDecimal("234.2"), "万个", null, "截至目前"),
					tuple("规上企业碳账户建设率", new BigDecimal("100"), "%", "达到", "截至目前"),
					tuple("总投资", new BigDecimal("223.5"), "亿元", null, "截至目前"),
					tuple("省级应用贯通率", new BigDecimal("92.8"), "%", "达到", "截至目前"),
					tuple("省级重要试点", new BigDecimal("40"), "个", "余", "今年以来"),
					tuple("新上线应用", new BigDecimal("54"), "个", null, "今年以来"));
	}

	@Test
	void countsFiguresAndSkipsTheNextSteps() {
		assertThat(LETTER.figures()).hasSize(47);
		assertThat(LETTER.figures()).noneMatch((f) -> f.section() == 7 || f.section() == 0);
		assertThat(LETTER.figures()).extracting(ParsedFigure::value)
			.noneMatch((v) -> v.compareTo(new BigDecimal("2021")) == 0 || v.compareTo(new BigDecimal("2022")) == 0
					|| v.compareTo(new BigDecimal("25")) == 0 || v.compareTo(new BigDecimal("1612")) == 0
					|| v.compareTo(new BigDecimal("6")) == 0 || v.compareTo(new BigDecimal("4")) == 0);
	}

	@Test
	void reportsTheSlipsTheSampleReallyHas() {
		// 开化's 19.69万千瓦 lacks its region name; the letter is signed (11-06) before its
		// 成文日期 (11-20). The parts of both breakdowns add up, so no mismatch.
		assertThat(LETTER.warnings()).extracting(LetterWarning::code, LetterWarning::section, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.REGION_MISSING, 3, List.of("19.69", "万千瓦", "并网光伏装机")),
					tuple(LetterWarning.SIGNED_BEFORE_WRITTEN, null, List.of("2022-11-06", "2022-11-20")));
		assertThat(LETTER.warnings().get(0).message()).isEqualTo("“并网光伏装机”的分项19.69万千瓦未写明地区");
	}

}
