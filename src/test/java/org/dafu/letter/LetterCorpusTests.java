package org.dafu.letter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The fictitious corpus in {@code letters/corpus}: letters in the shapes published by
 * provinces, cities, counties and townships (no header, pipe-table, labelled or bare
 * header, letterhead, 类别 / 签发人 / 是否同意公开 / 办理结果 lines, numbers in the title or the
 * opening, document numbers, 一、 / 1. / no sections, 承办单位 signers, 此致 敬礼, no signature,
 * Chinese-numeral dates, page clutter, 政协提案, 会办意见, 复函), each checked against its
 * {@code .expect} annotation, and the parser's recall over them all.
 */
class LetterCorpusTests {

	static final List<String> CORPUS = List.of("01-no-header-title-number", "02-pipe-table-opening-number",
			"03-labelled-lines-cpc", "04-bare-values-letterhead", "05-plain-paragraphs-huiban", "06-fuhan-other-signer",
			"07-arabic-sections-mixed-punctuation", "08-township-plain");

	static Stream<Annotation> corpus() {
		return CORPUS.stream().map((name) -> Annotation.load("/letters/corpus/" + name));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyLetterIsAccepted(Annotation letter) {
		assertThatNoException().isThrownBy(() -> new LetterParser().requireLetter(letter.text()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void readsTheAnnotatedParts(Annotation annotation) {
		ParsedLetter letter = new LetterParser().parse(annotation.text());
		SoftAssertions soft = new SoftAssertions();
		annotation.parts().forEach((key, value) -> {
			switch (key) {
				case "addressee" -> soft.assertThat(letter.addressee()).as(key).isEqualTo(value);
				case "number" -> soft.assertThat(letter.proposal().number()).as(key).isEqualTo(Integer.valueOf(value));
				case "issuer" -> soft.assertThat(letter.issuer()).as(key).isEqualTo(value);
				case "date" -> soft.assertThat(letter.signedDate()).as(key).isEqualTo(LocalDate.parse(value));
				case "written" ->
					soft.assertThat(letter.metadata().writtenDate()).as(key).isEqualTo(LocalDate.parse(value));
				case "index" -> soft.assertThat(letter.metadata().indexNumber()).as(key).isEqualTo(value);
				case "sections" -> soft.assertThat(letter.sections()).as(key).hasSize(Integer.parseInt(value));
				default -> soft.fail("unknown key " + key);
			}
		});
		soft.assertThat(annotation.missed(letter)).as("figures missed").isEmpty();
		soft.assertThat(annotation.found(letter)).as("figures found").isEqualTo(annotation.annotatedFigures());
		for (BigDecimal not : annotation.notFigures()) {
			soft.assertThat(letter.figures())
				.extracting(ParsedFigure::value)
				.as("not a figure")
				.noneMatch((v) -> v.compareTo(not) == 0);
		}
		soft.assertThat(letter.figures())
			.as("never named after the unit")
			.allSatisfy((f) -> assertThat(f.subject()).isNotEqualTo(f.unit()));
		soft.assertAll();
	}

	@Test
	void warnsForWhatIsMissingInsteadOfRefusing() {
		ParsedLetter noHeaderNoSignature = new LetterParser()
			.parse(Annotation.load("/letters/corpus/05-plain-paragraphs-huiban").text());
		assertThat(noHeaderNoSignature.sections()).isEmpty();
		assertThat(noHeaderNoSignature.issuer()).isEqualTo("青岚县自然资源局");
		assertThat(noHeaderNoSignature.warnings()).extracting(LetterWarning::code)
			.contains(LetterWarning.INDEX_NUMBER_MISSING, LetterWarning.SIGNED_DATE_MISSING);
		ParsedLetter numbers = new LetterParser()
			.parse(Annotation.load("/letters/corpus/07-arabic-sections-mixed-punctuation").text());
		assertThat(numbers.warnings()).extracting(LetterWarning::code, LetterWarning::args)
			.contains(org.assertj.core.api.Assertions.tuple(LetterWarning.PROPOSAL_NUMBER_DIFFERS,
					List.of("203", "205")));
		ParsedLetter untitled = new LetterParser().requireLetter("王明代表：\n您提出的建议收悉，现答复如下：\n今年新建公园3个。");
		assertThat(untitled.sections()).isEmpty();
		assertThat(untitled.warnings()).extracting(LetterWarning::code)
			.contains(LetterWarning.PROPOSAL_NUMBER_MISSING, LetterWarning.ISSUER_MISSING);
	}

	@Test
	void clutterRulesLeaveLetterLinesAlone() {
		assertThat(PageClutter.isClutter("首页 > 政务公开 > 建议提案办理 > 正文")).isTrue();
		assertThat(PageClutter.isClutter("浏览次数：1024")).isTrue();
		assertThat(PageClutter.isClutter("浙ICP备12345678号-1")).isTrue();
		assertThat(PageClutter.isClutter("【打印】【关闭】")).isTrue();
		assertThat(PageClutter.isClutter("关闭违规养殖场12家。")).isFalse();
		assertThat(PageClutter.isClutter("主办单位：云溪市发展和改革委员会")).isFalse();
		assertThat(PageClutter.isClutter("一、<b>关于</b> > 统筹 > 发展")).isFalse();
	}

	@Test
	void documentNumbersAreNotProposalNumbers() {
		assertThat(Proposals.number("提复字〔2021〕31号")).isNull();
		assertThat(Proposals.number("提复字【2021】31号")).isNull();
		assertThat(Proposals.number("（宁交函〔2011〕25号）")).isNull();
		assertThat(Proposals.number("您提出的建议（72号）收悉")).isEqualTo(72);
		assertThat(Proposals.number("第0843号提案")).isEqualTo(843);
	}

	@Test
	void dropsPageClutterAndKeepsTheSignature() {
		ParsedLetter letter = new LetterParser()
			.parse(Annotation.load("/letters/corpus/02-pipe-table-opening-number").text());
		assertThat(letter.issuer()).isEqualTo("云溪市住房和城乡建设局");
		assertThat(letter.closing()).isEqualTo("此致\n敬礼！");
		assertThat(letter.figures()).extracting(ParsedFigure::source)
			.noneMatch((s) -> s.contains("浏览") || s.contains("ICP") || s.contains("上一篇"));
	}

	@Test
	void recallOnTheCorpus() {
		int annotated = 0;
		int found = 0;
		int numbers = 0;
		int signers = 0;
		int dates = 0;
		int signed = 0;
		for (Annotation annotation : corpus().toList()) {
			ParsedLetter letter = new LetterParser().parse(annotation.text());
			annotated += annotation.annotatedFigures();
			found += annotation.found(letter);
			numbers += String.valueOf(letter.proposal().number()).equals(annotation.parts().get("number")) ? 1 : 0;
			signers += String.valueOf(letter.issuer()).equals(annotation.parts().get("issuer")) ? 1 : 0;
			if (annotation.parts().containsKey("date")) {
				signed++;
				dates += String.valueOf(letter.signedDate()).equals(annotation.parts().get("date")) ? 1 : 0;
			}
		}
		System.out.printf("letter corpus recall: figures %d/%d, numbers %d/%d, signers %d/%d, dates %d/%d%n", found,
				annotated, numbers, CORPUS.size(), signers, CORPUS.size(), dates, signed);
		assertThat(found).as("figures found").isGreaterThanOrEqualTo(annotated * 95 / 100);
		assertThat(numbers).isEqualTo(CORPUS.size());
		assertThat(signers).isEqualTo(CORPUS.size());
		assertThat(dates).isEqualTo(signed);
	}

	@Test
	void findsAllThirtyNineAnnotatedFiguresOfTheSample() {
		Annotation sample = Annotation.load("/letters/quzhou-2022-137066");
		ParsedLetter letter = new LetterParser().parse(Letters.sample());
		assertThat(sample.annotatedFigures()).isEqualTo(39);
		assertThat(sample.missed(letter)).isEmpty();
		assertThat(sample.found(letter)).isEqualTo(39);
	}

}
