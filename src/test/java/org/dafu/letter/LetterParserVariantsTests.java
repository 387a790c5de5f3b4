package org.dafu.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The same letter written in the other styles met in practice.
 */
class LetterParserVariantsTests {

	private static final LetterMetadata CRAFTED_METADATA = new LetterMetadata("001008003004019/2022-137066",
			LocalDate.of(2022, 11, 1), "主动公开", "人大代表建议");

	private final LetterParser parser = new LetterParser();

	@Test
	void craftedLetterParsesWithoutWarnings() {
		ParsedLetter letter = this.parser.parse(Letters.crafted());
		assertThat(letter.metadata()).isEqualTo(CRAFTED_METADATA);
		assertThat(letter.addressee()).isEqualTo("王明代表");
		assertThat(letter.proposal()).isEqualTo(new ProposalRef("区十届人大三次会议", 137, "关于加快发展乡村旅游的建议"));
		assertThat(letter.sections()).extracting(ParsedSection::ordinal, ParsedSection::heading)
			.containsExactly(tuple(1, "关于发展乡村旅游"), tuple(2, "关于完善旅游设施"));
		assertThat(letter.closing()).isEqualTo("感谢您对我们工作的关心和支持。");
		assertThat(letter.issuer()).isEqualTo("衢州市柯城区文化和旅游局");
		assertThat(letter.signedDate()).isEqualTo(LocalDate.of(2022, 11, 6));
		assertThat(letter.figures()).extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit)
			.containsExactly(tuple("接待游客", new BigDecimal("120"), "万人次"), tuple("旅游厕所", new BigDecimal("35"), "座"));
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void halfWidthColonsReorderedHeaderAndTableLayout() {
		String header = """
				成文日期: 2022-11-01    索引号:001008003004019/2022-137066
				组配分类 ： | 人大代表建议 | 公开方式: | 主动公开 |
				""";
		ParsedLetter letter = this.parser.parse(header + Letters.body() + Letters.ending());
		assertThat(letter.metadata()).isEqualTo(CRAFTED_METADATA);
		assertThat(letter.addressee()).isEqualTo("王明代表");
	}

	@Test
	void fullWidthTableHeader() {
		String header = """
				公开方式： | 主动公开 | 组配分类： | 人大代表建议 |
				索引号： | 001008003004019/2022-137066 | 成文日期： | 2022年11月1日 |
				""";
		assertThat(this.parser.parse(header + Letters.body() + Letters.ending()).metadata())
			.isEqualTo(CRAFTED_METADATA);
	}

	@Test
	void chineseNumeralDatesAndIssuerOnTheDateLine() {
		String text = Letters.header().replace("2022年11月1日", "二〇二二年十一月一日") + Letters.body()
				+ "感谢您的关心。\n衢州市柯城区文化和旅游局　二〇二二年十一月六日\n";
		ParsedLetter letter = this.parser.parse(text);
		assertThat(letter.metadata().writtenDate()).isEqualTo(LocalDate.of(2022, 11, 1));
		assertThat(letter.signedDate()).isEqualTo(LocalDate.of(2022, 11, 6));
		assertThat(letter.issuer()).isEqualTo("衢州市柯城区文化和旅游局");
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void twoDigitChineseDayAndMonth() {
		String text = Letters.crafted().replace("2022年11月6日", "二〇二二年十二月二十六日");
		assertThat(this.parser.parse(text).signedDate()).isEqualTo(LocalDate.of(2022, 12, 26));
	}

	@Test
	void parenthesisedSectionsWithHeadingRunningIntoText() {
		String body = """
				王明代表：您在区十届人大三次会议期间提出的《关于加快发展乡村旅游的建议》（第137号）收悉。现答复如下：
				（一）关于发展乡村旅游。今年1—9月，全区接待游客120万人次。
				（二）关于完善旅游设施
				截至目前，建成旅游厕所35座。
				""";
		ParsedLetter letter = this.parser.parse(Letters.header() + body + Letters.ending());
		assertThat(letter.addressee()).isEqualTo("王明代表");
		assertThat(letter.opening()).startsWith("您在区十届人大三次会议期间");
		assertThat(letter.sections()).extracting(ParsedSection::ordinal, ParsedSection::heading, ParsedSection::text)
			.containsExactly(tuple(1, "关于发展乡村旅游", "今年1—9月，全区接待游客120万人次。"), tuple(2, "关于完善旅游设施", "截至目前，建成旅游厕所35座。"));
	}

	@Test
	void arabicSectionsAndSubItemsInOtherStyles() {
		String body = """
				王明代表：
				您提出的《关于加快发展乡村旅游的建议》（第137号）收悉。现答复如下：
				1.关于发展乡村旅游
				（一）景区提升
				今年1—9月，全区接待游客120万人次。
				2、关于完善旅游设施
				一、旅游厕所
				截至目前，建成旅游厕所35座。
				""";
		ParsedLetter letter = this.parser.parse(Letters.header() + body + Letters.ending());
		assertThat(letter.sections()).extracting(ParsedSection::ordinal, ParsedSection::heading)
			.containsExactly(tuple(1, "关于发展乡村旅游"), tuple(2, "关于完善旅游设施"));
		assertThat(letter.sections().get(0).items()).containsExactly("（一）景区提升\n今年1—9月，全区接待游客120万人次。");
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void elevenSections() {
		String numerals = "一二三四五六七八九十";
		String sections = IntStream.rangeClosed(1, 11)
			.mapToObj((n) -> ((n <= 10) ? String.valueOf(numerals.charAt(n - 1)) : "十一") + "、关于第" + n + "项工作\n截至目前，建成驿站"
					+ n + "座。\n")
			.collect(Collectors.joining());
		String text = Letters.header() + "王明代表：\n您提出的《关于乡村旅游的建议》（第137号）收悉。\n" + sections + Letters.ending();
		ParsedLetter letter = this.parser.parse(text);
		assertThat(letter.sections()).extracting(ParsedSection::ordinal)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
		assertThat(letter.sections().get(10).heading()).isEqualTo("关于第11项工作");
		assertThat(letter.figures()).hasSize(11)
			.last()
			.extracting(ParsedFigure::section, ParsedFigure::value)
			.containsExactly(11, new BigDecimal("11"));
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void numberedNextStepsSection() {
		String text = Letters.header() + Letters.body() + """
				三、下一步工作打算
				一是到2025年底前，建成游客中心不少于3个。
				二是持续提升服务质量。
				""" + Letters.ending();
		ParsedLetter letter = this.parser.parse(text);
		assertThat(letter.sections()).extracting(ParsedSection::ordinal, ParsedSection::kind, ParsedSection::heading)
			.containsExactly(tuple(1, SectionKind.RESPONSE, "关于发展乡村旅游"), tuple(2, SectionKind.RESPONSE, "关于完善旅游设施"),
					tuple(3, SectionKind.NEXT_STEPS, "下一步工作打算"));
		assertThat(letter.sections().get(2).items()).containsExactly("一是到2025年底前，建成游客中心不少于3个。", "二是持续提升服务质量。");
		assertThat(letter.figures()).filteredOn((f) -> f.kind() == FigureKind.TARGET)
			.extracting(ParsedFigure::section, ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit,
					ParsedFigure::comparator, ParsedFigure::deadlineYear)
			.containsExactly(tuple(3, "游客中心", new BigDecimal("3"), "个", "不少于", 2025));
	}

	@Test
	void unnumberedNextStepsAfterTheLastSection() {
		String text = Letters.header() + Letters.body() + "下一步，我们将继续加大投入。\n一是完善设施。\n二是提升服务。\n" + Letters.ending();
		ParsedLetter letter = this.parser.parse(text);
		assertThat(letter.sections()).hasSize(3);
		assertThat(letter.sections().get(1).text()).isEqualTo("截至目前，建成旅游厕所35座，完成年度任务的110%。");
		assertThat(letter.sections().get(2))
			.isEqualTo(new ParsedSection(3, SectionKind.NEXT_STEPS, "下一步，我们将继续加大投入", "一是完善设施。\n二是提升服务。"));
	}

	@Test
	void fullWidthDigitsAndSpacedPercent() {
		String text = Letters.crafted().replace("120万人次，同比增长8.5%", "１２０万人次，同比增长８．５ ％");
		ParsedFigure figure = this.parser.parse(text).figures().get(0);
		assertThat(figure.value()).isEqualByComparingTo("120");
		assertThat(figure.growthRate()).isEqualByComparingTo("8.5");
	}

	@Test
	void requireLetterRejectsTextThatIsNoLetter() {
		assertThatThrownBy(() -> this.parser.requireLetter("今天天气很好。\n我们去公园散步。"))
			.isInstanceOfSatisfying(LetterFormatException.class, (ex) -> assertThat(ex.code()).isEqualTo("NO_LETTER"));
		assertThat(this.parser.requireLetter(Letters.crafted()).sections()).hasSize(2);
	}

	@Test
	void emptyOrNullTextGivesAnEmptyLetterWithWarnings() {
		ParsedLetter letter = this.parser.parse(null);
		assertThat(letter.isLetter()).isFalse();
		assertThat(letter.metadata()).isEqualTo(new LetterMetadata(null, null, null, null));
		assertThat(letter.warnings()).extracting(LetterWarning::code)
			.containsExactlyInAnyOrder(LetterWarning.INDEX_NUMBER_MISSING, LetterWarning.ADDRESSEE_MISSING,
					LetterWarning.SIGNED_DATE_MISSING, LetterWarning.NO_FIGURES, LetterWarning.ISSUER_MISSING,
					LetterWarning.PROPOSAL_NUMBER_MISSING);
	}

}
