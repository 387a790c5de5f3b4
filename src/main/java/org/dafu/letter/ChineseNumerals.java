package org.dafu.letter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese numerals (一…九十九, 〇/零 as digits) and the date styles used in letters:
 * 2022年11月6日, 二〇二二年十一月六日, 2022-11-20, 2022/11/20, 2022.11.20.
 */
final class ChineseNumerals {

	static final String DIGITS = "〇一二三四五六七八九";

	private static final Pattern ARABIC_DATE = Pattern
		.compile("(\\d{4})\\s*(?:年|[-/.])\\s*(\\d{1,2})\\s*(?:月|[-/.])\\s*(\\d{1,2})\\s*日?");

	private static final Pattern CHINESE_DATE = Pattern
		.compile("([〇○Ｏ零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");

	private ChineseNumerals() {
	}

	/**
	 * Value of a Chinese numeral up to 999, or of Arabic digits.
	 * @param text e.g. 十一, 二十三, 一百零五, 12
	 * @return the value, or -1 when the text is not a numeral
	 */
	static int parse(String text) {
		if (text == null || text.isEmpty()) {
			return -1;
		}
		if (text.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(text);
		}
		int total = 0;
		int current = 0;
		for (char c : text.toCharArray()) {
			int digit = digit(c);
			if (digit >= 0) {
				current = digit;
			}
			else if (c == '十') {
				total += ((current == 0) ? 1 : current) * 10;
				current = 0;
			}
			else if (c == '百') {
				total += ((current == 0) ? 1 : current) * 100;
				current = 0;
			}
			else {
				return -1;
			}
		}
		return total + current;
	}

	private static int digit(char c) {
		if (c == '零' || c == '○' || c == 'Ｏ') {
			return 0;
		}
		if (c == '两') {
			return 2;
		}
		return DIGITS.indexOf(c);
	}

	/**
	 * Finds the first date in the text.
	 * @param text any text
	 * @return the date, or {@code null} when there is none or it is not a real date
	 */
	static LocalDate findDate(String text) {
		if (text == null) {
			return null;
		}
		Matcher arabic = ARABIC_DATE.matcher(text);
		if (arabic.find()) {
			return date(Integer.parseInt(arabic.group(1)), Integer.parseInt(arabic.group(2)),
					Integer.parseInt(arabic.group(3)));
		}
		Matcher chinese = CHINESE_DATE.matcher(text);
		if (chinese.find()) {
			int year = 0;
			for (char c : chinese.group(1).toCharArray()) {
				year = year * 10 + digit(c);
			}
			return date(year, parse(chinese.group(2)), parse(chinese.group(3)));
		}
		return null;
	}

	/**
	 * Where a date ends a line, e.g. "衢州市人民政府办公室 2022年11月6日".
	 * @param line a line
	 * @return the start index of the trailing date, or -1
	 */
	static int trailingDateStart(String line) {
		String stripped = line.stripTrailing();
		for (Pattern pattern : new Pattern[] { ARABIC_DATE, CHINESE_DATE }) {
			Matcher matcher = pattern.matcher(stripped);
			int start = -1;
			while (matcher.find()) {
				if (matcher.end() == stripped.length()) {
					start = matcher.start();
				}
			}
			if (start >= 0) {
				return start;
			}
		}
		return -1;
	}

	private static LocalDate date(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
