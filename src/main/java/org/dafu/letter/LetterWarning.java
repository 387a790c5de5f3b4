package org.dafu.letter;

import java.util.List;

/**
 * Something in a letter that looks wrong. The {@link #code()} and {@link #args()} are
 * stable so that the UI can translate them (message key {@code letter.warning.<code>});
 * {@link #message()} is the Chinese default.
 *
 * @param code one of the constants below
 * @param message default Chinese text
 * @param section ordinal of the section concerned, or {@code null}
 * @param args the values the message refers to, in order
 */
public record LetterWarning(String code, String message, Integer section, List<String> args) {

	/** Regional parts do not add up to their total. Args: subject, total, sum, unit. */
	public static final String BREAKDOWN_MISMATCH = "BREAKDOWN_MISMATCH";

	/** A part of a regional breakdown names no region. Args: value, unit, subject. */
	public static final String REGION_MISSING = "REGION_MISSING";

	/** Section numbers skip or repeat. Args: expected ordinal, found ordinal. */
	public static final String SECTION_GAP = "SECTION_GAP";

	/** No 索引号 in the header. No args. */
	public static final String INDEX_NUMBER_MISSING = "INDEX_NUMBER_MISSING";

	/** 索引号 not of the form unitcode/year-serial. Args: the index number. */
	public static final String INDEX_NUMBER_MALFORMED = "INDEX_NUMBER_MALFORMED";

	/** Signing date earlier than the 成文日期. Args: signed date, written date (ISO). */
	public static final String SIGNED_BEFORE_WRITTEN = "SIGNED_BEFORE_WRITTEN";

	/** The reply has no quantitative figure. No args. */
	public static final String NO_FIGURES = "NO_FIGURES";

	/** No addressee line (…代表：). No args. */
	public static final String ADDRESSEE_MISSING = "ADDRESSEE_MISSING";

	/** No signing date at the end. No args. */
	public static final String SIGNED_DATE_MISSING = "SIGNED_DATE_MISSING";

	/** Neither a signer nor an issuer in the title was found. */
	public static final String ISSUER_MISSING = "ISSUER_MISSING";

	/** No suggestion or proposal number in the opening or the title. */
	public static final String PROPOSAL_NUMBER_MISSING = "PROPOSAL_NUMBER_MISSING";

	/** The title cites another number than the opening; the opening's is kept. */
	public static final String PROPOSAL_NUMBER_DIFFERS = "PROPOSAL_NUMBER_DIFFERS";

	public LetterWarning {
		args = List.copyOf(args);
	}

	static LetterWarning breakdownMismatch(int section, String subject, String total, String sum, String unit) {
		return new LetterWarning(BREAKDOWN_MISMATCH,
				"“%s”的分地区数之和为%s%s，与总数%s%s不符".formatted(subject, sum, unit, total, unit), section,
				List.of(subject, total, sum, unit));
	}

	static LetterWarning regionMissing(int section, String value, String unit, String subject) {
		return new LetterWarning(REGION_MISSING, "“%s”的分项%s%s未写明地区".formatted(subject, value, unit), section,
				List.of(value, unit, subject));
	}

	static LetterWarning sectionGap(int expected, int found) {
		return new LetterWarning(SECTION_GAP, "段落编号不连续：应为第%d部分，实为第%d部分".formatted(expected, found), found,
				List.of(String.valueOf(expected), String.valueOf(found)));
	}

	static LetterWarning indexNumberMissing() {
		return new LetterWarning(INDEX_NUMBER_MISSING, "未找到索引号", null, List.of());
	}

	static LetterWarning indexNumberMalformed(String indexNumber) {
		return new LetterWarning(INDEX_NUMBER_MALFORMED, "索引号“%s”格式不正确，应为“机构代码/年份-序号”".formatted(indexNumber), null,
				List.of(indexNumber));
	}

	static LetterWarning signedBeforeWritten(String signed, String written) {
		return new LetterWarning(SIGNED_BEFORE_WRITTEN, "落款日期%s早于成文日期%s".formatted(signed, written), null,
				List.of(signed, written));
	}

	static LetterWarning noFigures() {
		return new LetterWarning(NO_FIGURES, "答复中没有量化指标", null, List.of());
	}

	static LetterWarning addresseeMissing() {
		return new LetterWarning(ADDRESSEE_MISSING, "未找到收件人（如“某某代表：”）", null, List.of());
	}

	static LetterWarning signedDateMissing() {
		return new LetterWarning(SIGNED_DATE_MISSING, "未找到落款日期", null, List.of());
	}

	static LetterWarning issuerMissing() {
		return new LetterWarning(ISSUER_MISSING, "未找到落款单位", null, List.of());
	}

	static LetterWarning proposalNumberMissing() {
		return new LetterWarning(PROPOSAL_NUMBER_MISSING, "未找到建议（提案）编号", null, List.of());
	}

	static LetterWarning proposalNumberDiffers(int inTitle, int inOpening) {
		return new LetterWarning(PROPOSAL_NUMBER_DIFFERS, "标题中的编号第" + inTitle + "号与正文中的第" + inOpening + "号不一致，已取正文中的编号",
				null, List.of(String.valueOf(inTitle), String.valueOf(inOpening)));
	}

}
