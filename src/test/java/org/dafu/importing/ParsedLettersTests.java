package org.dafu.importing;

import java.math.BigDecimal;

import org.dafu.letter.FigureKind;
import org.dafu.letter.ParsedFigure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure the parser could not name is left for the official to name: it is never named
 * after its unit.
 */
class ParsedLettersTests {

	@Test
	void anUnnamedFigureIsNotNamedAfterItsUnit() {
		ParsedFigure unnamed = new ParsedFigure(1, null, new BigDecimal("35"), "万千瓦", FigureKind.ACHIEVEMENT, null,
				null, null, null, null, null, null, "比上年新增35万千瓦。");
		assertThat(ParsedLetters.toFigure(unnamed).subject()).isNotEqualTo("万千瓦").isEqualTo("?");
	}

}
