package org.dafu.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Odd input never breaks the parser; it only yields fewer parts and more warnings.
 */
class LetterParserRobustnessTests {

	private final LetterParser parser = new LetterParser();

	@Test
	void oddInputsParse() {
		List<String> inputs = List.of("", "\n\n\n", "|||", "索引号：", "索引号： |", "一、", "（一）", "1.", "王明代表：", "2022年13月45日",
				"二〇二二年十三月一日", "下一步", "感谢", "一是", "其中柯城区", "12345678901234567890亿元", "全市光伏装机100万千瓦，其中", "％％％", "第",
				"《未闭合的标题", "〔2022", "\uFEFF\r\n\r\n索引号:x");
		for (String input : inputs) {
			assertThatNoException().as(input).isThrownBy(() -> this.parser.parse(input));
		}
	}

	@Test
	void invalidDatesAreIgnored() {
		ParsedLetter letter = this.parser.parse(Letters.crafted().replace("2022年11月6日", "2022年13月45日"));
		assertThat(letter.signedDate()).isNull();
		assertThat(letter.warnings()).extracting(LetterWarning::code).contains(LetterWarning.SIGNED_DATE_MISSING);
	}

	@Test
	void parsingIsRepeatableOnOneInstance() {
		ParsedLetter first = this.parser.parse(Letters.sample());
		ParsedLetter second = this.parser.parse(Letters.sample());
		assertThat(second).isEqualTo(first);
		assertThat(second.warnings()).hasSize(2);
	}

	@Test
	void windowsLineEndsAndIdeographicSpaces() {
		String text = Letters.crafted().replace("\n", "\r\n").replace("一、关于发展乡村旅游", "\u3000\u3000一、关于发展乡村旅游");
		ParsedLetter letter = this.parser.parse(text);
		assertThat(letter.sections()).hasSize(2);
		assertThat(letter.warnings()).isEmpty();
	}

}
