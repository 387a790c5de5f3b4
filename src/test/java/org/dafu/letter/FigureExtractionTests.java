package org.dafu.letter;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What counts as a figure and what does not.
 */
class FigureExtractionTests {

	private final LetterParser parser = new LetterParser();

	private List<ParsedFigure> figuresIn(String paragraph) {
		String text = Letters.crafted().replace("截至目前，建成旅游厕所35座，完成年度任务的110%。", paragraph);
		List<ParsedFigure> figures = this.parser.parse(text).figures();
		return figures.subList(1, figures.size());
	}

	@Test
	void datesDocumentNumbersOrdinalsAndYearsAreNotFigures() {
		assertThat(figuresIn("根据《衢州市实施方案(2020—2025)》（衢政发〔2022〕12号）和第137号建议，2022年5月17日起，"
				+ "“十四五”期间实施“1612”体系，落实“1+7+N”重点工作，连续6个月排名靠前，列全省第3位。"))
			.isEmpty();
	}

	@Test
	void countsOfDocumentsAreNotFigures() {
		assertThat(figuresIn("全面启动1个实施意见、1个总体方案、7个重点领域行动方案的编制工作，形成3条复用路径。")).isEmpty();
	}

	@Test
	void countsAfterAVerbOfHavingAreFigures() {
		assertThat(figuresIn("全市已有7个抽水蓄能电站项目，培育2家上市企业。"))
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit)
			.containsExactly(tuple("抽水蓄能电站项目", new BigDecimal("7"), "个"), tuple("上市企业", new BigDecimal("2"), "家"));
	}

	@Test
	void magnitudesStayInTheUnit() {
		assertThat(figuresIn("完成固定资产投资12.5亿元，新增就业1.2万人，建成道路3.75公里，流转土地800亩，补贴标准为每亩300元。"))
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit)
			.containsExactly(tuple("固定资产投资", new BigDecimal("12.5"), "亿元"), tuple("新增就业", new BigDecimal("1.2"), "万人"),
					tuple("道路", new BigDecimal("3.75"), "公里"), tuple("流转土地", new BigDecimal("800"), "亩"),
					tuple("补贴标准为每亩", new BigDecimal("300"), "元"));
	}

	@Test
	void valuesAreExact() {
		ParsedFigure figure = figuresIn("全市规上工业实现总产值2062.440亿元。").get(0);
		assertThat(figure.value()).isEqualTo(new BigDecimal("2062.440"));
		assertThat(figure.value().scale()).isEqualTo(3);
	}

	@Test
	void approximationsAndThresholds() {
		assertThat(figuresIn("全县固定资产投资约5亿元，引进人才近300名，吸引游客超过10万人次，带动就业2000余人，实现收入30亿元以上。"))
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit, ParsedFigure::comparator)
			.containsExactly(tuple("固定资产投资", new BigDecimal("5"), "亿元", "约"),
					tuple("引进人才", new BigDecimal("300"), "名", "近"), tuple("吸引游客", new BigDecimal("10"), "万人次", "超过"),
					tuple("带动就业", new BigDecimal("2000"), "人", "余"), tuple("收入", new BigDecimal("30"), "亿元", "以上"));
	}

	@Test
	void targetsWithDeadline() {
		assertThat(figuresIn("力争到2025年，全县乡村旅游收入突破10亿元，接待游客不少于500万人次。"))
			.extracting(ParsedFigure::subject, ParsedFigure::kind, ParsedFigure::deadlineYear, ParsedFigure::comparator,
					ParsedFigure::period)
			.containsExactly(tuple("乡村旅游收入", FigureKind.TARGET, 2025, "突破", null),
					tuple("接待游客", FigureKind.TARGET, 2025, "不少于", null));
	}

	@Test
	void growthWithoutBaseValueBecomesAPercentFigure() {
		assertThat(figuresIn("1—6月，全县工业用电量同比下降3.2%，居全市第2位。"))
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::unit, ParsedFigure::growthRate,
					ParsedFigure::rank, ParsedFigure::period)
			.containsExactly(tuple("工业用电量", new BigDecimal("3.2"), "%", new BigDecimal("-3.2"), 2, "1—6月"));
	}

	@Test
	void growthAndRankAttachToTheFigureBefore() {
		assertThat(figuresIn("今年上半年，全县农村居民人均可支配收入21000元，同比增长7.1%，增速列全省第一。"))
			.extracting(ParsedFigure::subject, ParsedFigure::value, ParsedFigure::growthRate, ParsedFigure::rank,
					ParsedFigure::period)
			.containsExactly(tuple("农村居民人均可支配收入", new BigDecimal("21000"), new BigDecimal("7.1"), 1, "今年上半年"));
	}

	@Test
	void taskShareOfASingleFigure() {
		assertThat(figuresIn("截至目前，建成旅游厕所35座，完成年度任务的110%。")).extracting(ParsedFigure::subject, ParsedFigure::taskShare)
			.containsExactly(tuple("旅游厕所", new BigDecimal("110")));
	}

	@Test
	void regionsAreNamedInFullAndGenericCountiesAreRecognised() {
		assertThat(figuresIn("常山县胡柚种植面积10万亩，开化茶园面积20万亩，龙游县接待游客5万人次。"))
			.extracting(ParsedFigure::region, ParsedFigure::subject)
			.containsExactly(tuple("常山县", "胡柚种植面积"), tuple("开化县", "茶园面积"), tuple("龙游县", "接待游客"));
	}

	@Test
	void periodCarriesThroughTheParagraph() {
		assertThat(figuresIn("今年前三季度，全市开展培训8.59万人次。共开发公益性岗位5180个。")).extracting(ParsedFigure::period)
			.containsExactly("今年前三季度", "今年前三季度");
	}

	@Test
	void sourceIsTheSentence() {
		assertThat(figuresIn("全市新建驿站12座。另有其他工作。")).singleElement()
			.extracting(ParsedFigure::source, ParsedFigure::section)
			.containsExactly("全市新建驿站12座。", 2);
	}

}
