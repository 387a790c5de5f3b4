package org.dafu.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each check, triggered by a crafted letter; the crafted base letter triggers none.
 */
class LetterWarningsTests {

	private final LetterParser parser = new LetterParser();

	private ParsedLetter withSecondSection(String text) {
		return this.parser.parse(Letters.crafted().replace("截至目前，建成旅游厕所35座，完成年度任务的110%。", text));
	}

	@Test
	void baseLetterHasNoWarnings() {
		assertThat(this.parser.parse(Letters.crafted()).warnings()).isEmpty();
	}

	@Test
	void completeBreakdownThatDoesNotAddUp() {
		ParsedLetter letter = withSecondSection(
				"全市光伏装机100万千瓦，其中柯城区10万千瓦，衢江区20万千瓦，龙游县20万千瓦，江山市20万千瓦，常山县10万千瓦，开化县10万千瓦。");
		assertThat(letter.warnings()).singleElement().satisfies((w) -> {
			assertThat(w.code()).isEqualTo(LetterWarning.BREAKDOWN_MISMATCH);
			assertThat(w.section()).isEqualTo(2);
			assertThat(w.args()).containsExactly("光伏装机", "100", "90", "万千瓦");
			assertThat(w.message()).isEqualTo("“光伏装机”的分地区数之和为90万千瓦，与总数100万千瓦不符");
		});
	}

	@Test
	void completeBreakdownThatAddsUpWithRounding() {
		ParsedLetter letter = withSecondSection(
				"全市光伏装机100.0万千瓦，其中柯城区10.02万千瓦，衢江区20万千瓦，龙游县20万千瓦，江山市20万千瓦，常山县10万千瓦，开化县20万千瓦。");
		assertThat(letter.warnings()).isEmpty();
	}

	@Test
	void announcedBreakdownOutsideQuzhouIsChecked() {
		ParsedLetter adds = withSecondSection("全县新建5G基站120座，分别为北城区40座，东城区40座，西城区40座。");
		assertThat(adds.warnings()).isEmpty();
		assertThat(adds.figures()).extracting(ParsedFigure::subject, ParsedFigure::region)
			.endsWith(tuple("新建5G基站", "北城区"), tuple("新建5G基站", "东城区"), tuple("新建5G基站", "西城区"));
		ParsedLetter short10 = withSecondSection("全县新建5G基站120座，分别为北城区40座，东城区40座，西城区30座。");
		assertThat(short10.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.BREAKDOWN_MISMATCH, List.of("新建5G基站", "120", "110", "座")));
		ParsedLetter viewpoint = this.parser
			.parse(Letters.crafted().replace("截至目前，建成旅游厕所35座，完成年度任务的110%。", "全县新建基站120座。从区域看，东城区40座，西城区30座，南城区40座。"));
		assertThat(viewpoint.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.BREAKDOWN_MISMATCH, List.of("新建基站", "120", "110", "座")));
	}

	@Test
	void partialListIsNotAMismatch() {
		ParsedLetter letter = withSecondSection("全市光伏装机100万千瓦，其中柯城区10万千瓦，衢江区20万千瓦。");
		assertThat(letter.warnings()).isEmpty();
		assertThat(letter.figures()).extracting(ParsedFigure::subject, ParsedFigure::region)
			.containsExactly(tuple("接待游客", null), tuple("光伏装机", null), tuple("光伏装机", "柯城区"), tuple("光伏装机", "衢江区"));
	}

	@Test
	void partialListExceedingTheTotalIsAMismatch() {
		ParsedLetter letter = withSecondSection("全市光伏装机100万千瓦，其中柯城区60万千瓦，衢江区50万千瓦。");
		assertThat(letter.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.BREAKDOWN_MISMATCH, List.of("光伏装机", "100", "110", "万千瓦")));
	}

	@Test
	void partWithoutRegion() {
		ParsedLetter letter = withSecondSection("全市光伏装机100万千瓦，其中柯城区10万千瓦，衢江区20万千瓦，70万千瓦。");
		assertThat(letter.warnings()).extracting(LetterWarning::code, LetterWarning::section, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.REGION_MISSING, 2, List.of("70", "万千瓦", "光伏装机")));
	}

	@Test
	void sectionNumberSkipped() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("二、关于完善旅游设施", "四、关于完善旅游设施"));
		assertThat(letter.warnings()).extracting(LetterWarning::code, LetterWarning::section, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.SECTION_GAP, 4, List.of("2", "4")));
	}

	@Test
	void sectionsNotStartingAtOne() {
		ParsedLetter letter = this.parser
			.parse(Letters.crafted().replace("一、关于发展乡村旅游", "二、关于发展乡村旅游").replace("二、关于完善旅游设施", "三、关于完善旅游设施"));
		assertThat(letter.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.SECTION_GAP, List.of("1", "2")));
	}

	@Test
	void indexNumberMissing() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("索引号：001008003004019/2022-137066\n", ""));
		assertThat(letter.metadata().indexNumber()).isNull();
		assertThat(letter.warnings()).extracting(LetterWarning::code)
			.containsExactly(LetterWarning.INDEX_NUMBER_MISSING);
	}

	@Test
	void indexNumberMalformed() {
		for (String malformed : List.of("2022-137066", "11330800002618015k/2022-137066", "113308/22-1",
				"11330800002618015K/2022-")) {
			ParsedLetter letter = this.parser
				.parse(Letters.crafted().replace("001008003004019/2022-137066", malformed));
			assertThat(letter.warnings()).as(malformed)
				.extracting(LetterWarning::code, LetterWarning::args)
				.containsExactly(tuple(LetterWarning.INDEX_NUMBER_MALFORMED, List.of(malformed)));
		}
	}

	@Test
	void signedBeforeWritten() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("成文日期：2022年11月1日", "成文日期：2022年11月7日"));
		assertThat(letter.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.containsExactly(tuple(LetterWarning.SIGNED_BEFORE_WRITTEN, List.of("2022-11-06", "2022-11-07")));
		ParsedLetter sameDay = this.parser.parse(Letters.crafted().replace("成文日期：2022年11月1日", "成文日期：2022年11月6日"));
		assertThat(sameDay.warnings()).isEmpty();
	}

	@Test
	void noFigures() {
		ParsedLetter letter = this.parser.parse(Letters.crafted()
			.replace("今年1—9月，全区接待游客120万人次，同比增长8.5%。", "我们高度重视乡村旅游。")
			.replace("截至目前，建成旅游厕所35座，完成年度任务的110%。", "我们将持续完善旅游设施。"));
		assertThat(letter.figures()).isEmpty();
		assertThat(letter.warnings()).extracting(LetterWarning::code).containsExactly(LetterWarning.NO_FIGURES);
	}

	@Test
	void addresseeMissing() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("王明代表：\n", ""));
		assertThat(letter.addressee()).isNull();
		assertThat(letter.metadata().indexNumber()).isEqualTo("001008003004019/2022-137066");
		assertThat(letter.proposal().number()).isEqualTo(137);
		assertThat(letter.warnings()).extracting(LetterWarning::code).containsExactly(LetterWarning.ADDRESSEE_MISSING);
	}

	@Test
	void signedDateMissing() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("2022年11月6日\n", ""));
		assertThat(letter.signedDate()).isNull();
		assertThat(letter.issuer()).isEqualTo("衢州市柯城区文化和旅游局");
		assertThat(letter.closing()).isEqualTo("感谢您对我们工作的关心和支持。");
		assertThat(letter.warnings()).extracting(LetterWarning::code)
			.containsExactly(LetterWarning.SIGNED_DATE_MISSING);
	}

	@Test
	void warningsFilterByCode() {
		ParsedLetter sample = this.parser.parse(Letters.sample());
		assertThat(sample.warnings(LetterWarning.REGION_MISSING)).hasSize(1);
		assertThat(sample.warnings(LetterWarning.BREAKDOWN_MISMATCH)).isEmpty();
	}

}
