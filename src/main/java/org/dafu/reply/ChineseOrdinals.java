package org.dafu.reply;

/** 一, 二, … 十, 十一, … 九十九: how letters number their sections. */
final class ChineseOrdinals {

	private static final String DIGITS = "〇一二三四五六七八九";

	private ChineseOrdinals() {
	}

	static String of(int n) {
		if (n <= 0 || n >= 100) {
			return String.valueOf(n);
		}
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		int tens = n / 10;
		int ones = n % 10;
		return ((tens > 1) ? String.valueOf(DIGITS.charAt(tens)) : "") + "十"
				+ ((ones > 0) ? String.valueOf(DIGITS.charAt(ones)) : "");
	}

}
