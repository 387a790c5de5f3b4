package org.dafu.letter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the proposal a letter answers: the session (市八届人大一次会议, 县政协十一届二次会议), the number
 * and the title. The number is read from the opening (第4号, （第72号）, (72号), 第0843号) and
 * else from the letter's title (…四届三次会议第16号建议的答复). Document numbers (提复字〔2021〕31号,
 * 宁交函【2011】25号) are never proposal numbers.
 */
final class Proposals {

	private static final Pattern SESSION_CORE = Pattern
		.compile("第?[一二三四五六七八九十]+届(?:人大|人民代表大会|政协)(?:常委会)?第?[一二三四五六七八九十]+次(?:全体)?会议"
				+ "|政协第?[一二三四五六七八九十]+届(?:委员会)?第?[一二三四五六七八九十]+次(?:全体)?会议");

	private static final String SESSION_STOP = "在于的们你您期间提出和及、与是";

	private static final Pattern TITLE = Pattern.compile("《([^》]+)》");

	private static final Pattern NUMBER = Pattern.compile("(?<![〕】\\]）)])第\\s*(\\d{1,6})\\s*号");

	private static final Pattern PAREN_NUMBER = Pattern.compile("[（(]\\s*(?:第\\s*)?(\\d{1,6})\\s*号\\s*[）)]");

	private Proposals() {
	}

	/**
	 * The proposal cited in the opening, completed from the title.
	 * @param opening the opening paragraph(s)
	 * @param title the letter's title line, or {@code null}
	 */
	static ProposalRef find(String opening, String title) {
		String session = session(opening);
		if (session == null && title != null) {
			session = session(title);
		}
		Integer number = number(opening);
		if (number == null && title != null) {
			number = number(title);
		}
		Matcher name = TITLE.matcher(opening);
		String proposalTitle = name.find() ? name.group(1) : null;
		if (proposalTitle == null && title != null) {
			Matcher inTitle = TITLE.matcher(title);
			proposalTitle = inTitle.find() ? inTitle.group(1) : null;
		}
		return new ProposalRef(session, number, proposalTitle);
	}

	/** The proposal number in a text, or {@code null}. */
	static Integer number(String text) {
		if (text == null) {
			return null;
		}
		String masked = FigureExtractor.mask(text.replace('【', '〔').replace('】', '〕'));
		Matcher number = NUMBER.matcher(masked);
		if (number.find()) {
			return Integer.valueOf(number.group(1));
		}
		Matcher paren = PAREN_NUMBER.matcher(masked);
		return paren.find() ? Integer.valueOf(paren.group(1)) : null;
	}

	private static String session(String text) {
		Matcher core = SESSION_CORE.matcher(text);
		if (!core.find()) {
			return null;
		}
		int start = core.start();
		if (start > 0 && "省市县区州旗镇乡".indexOf(text.charAt(start - 1)) >= 0) {
			start--;
			while (start > 0 && core.start() - start < 8
					&& Character.UnicodeScript.of(text.charAt(start - 1)) == Character.UnicodeScript.HAN
					&& SESSION_STOP.indexOf(text.charAt(start - 1)) < 0) {
				start--;
			}
		}
		return text.substring(start, core.end());
	}

}
