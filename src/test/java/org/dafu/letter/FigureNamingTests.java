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

}
