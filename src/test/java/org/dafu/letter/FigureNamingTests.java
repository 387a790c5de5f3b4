package org.dafu.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An indicator is never named after its unit, and a target is never labelled 完成情况.
 */
class FigureNamingTests {

	private static List<ParsedFigure> figures(String text) {
		return new FigureExtractor().extract(1, text);
	}

	@Test
	void aFigureWithoutItsOwnNameTakesTheNameBeforeItNotItsUnit() {
		assertThat(figures("全市光伏装机达到204万千瓦，比上年新增35万千瓦。")).extracting(ParsedFigure::subject, ParsedFigure::value)
			.containsExactly(tuple("光伏装机", new java.math.BigDecimal("204")),
					tuple("光伏装机", new java.math.BigDecimal("35")));
	}

	@Test
	void futureWorkIsATargetNotAnAchievement() {
		assertThat(figures("2025年将建成充电桩5000个。")).extracting(ParsedFigure::kind).containsExactly(FigureKind.TARGET);
		assertThat(figures("争取在2025年底建成5G基站1200个。")).extracting(ParsedFigure::kind).containsExactly(FigureKind.TARGET);
		assertThat(figures("今年以来，建成5G基站800个。")).extracting(ParsedFigure::kind).containsExactly(FigureKind.ACHIEVEMENT);
	}

	@Test
	void aFigureAfterAColonIsNamedByTheWordsBeforeTheColonNotByItsUnit() {
		assertThat(figures("截至目前，新增装机：35万千瓦。")).extracting(ParsedFigure::subject, ParsedFigure::unit)
			.containsExactly(tuple("新增装机", "万千瓦"));
	}

	@Test
	void aUnitAloneIsNeverAName() {
		assertThat(figures("截至目前，（万千瓦）35万千瓦，光伏装机达到204万千瓦。")).extracting(ParsedFigure::subject)
			.doesNotContain("万千瓦", "（万千瓦）");
		assertThat(Subjects.tidy("万千瓦")).isEmpty();
		assertThat(Subjects.tidy("亿元")).isEmpty();
		assertThat(Subjects.tidy("个人碳账户")).isEqualTo("个人碳账户");
	}

	@Test
	void aTargetsNameLeavesOutItsDeadlineAndTheWordsOfIntent() {
		assertThat(figures("一是持续扩大装机规模，力争到2025年全市光伏装机突破300万千瓦。"))
			.extracting(ParsedFigure::subject, ParsedFigure::kind, ParsedFigure::deadlineYear)
			.containsExactly(tuple("光伏装机", FigureKind.TARGET, 2025));
		assertThat(figures("下一步，我局将新增新能源公交车20辆。")).extracting(ParsedFigure::subject).containsExactly("新增新能源公交车");
	}

	@Test
	void aTargetIsNeverNamedOrLabelled完成情况() {
		assertThat(figures("年度目标完成情况：到2025年光伏装机突破300万千瓦。")).extracting(ParsedFigure::subject, ParsedFigure::kind)
			.containsExactly(tuple("光伏装机", FigureKind.TARGET));
		assertThat(figures("今年光伏装机达到204万千瓦。目标完成情况为到2025年突破300万千瓦。"))
			.extracting(ParsedFigure::subject, ParsedFigure::kind)
			.containsExactly(tuple("光伏装机", FigureKind.ACHIEVEMENT), tuple("光伏装机", FigureKind.TARGET));
	}

	@Test
	void aFigureOfTheNextStepsPartIsATargetNot完成情况() {
		ParsedLetter letter = new LetterParser().parse(Letters.header() + """
				王明代表：
				您提出的《关于发展光伏的建议》（第12号）收悉。现答复如下：
				一、关于光伏装机
				截至目前，全市光伏装机达到204万千瓦。
				二、下一步工作
				推动新增项目当年并网率不低于95%。
				""");
		assertThat(letter.figures()).extracting(ParsedFigure::subject, ParsedFigure::kind)
			.contains(tuple("光伏装机", FigureKind.ACHIEVEMENT), tuple("新增项目当年并网率", FigureKind.TARGET));
	}

}
