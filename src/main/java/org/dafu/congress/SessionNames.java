package org.dafu.congress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a session's display name such as 市八届人大一次会议 or 县十届政协三次会议. */
final class SessionNames {

	private static final Pattern NAME = Pattern
		.compile("^(省|市|县|区)?(?:第)?([一二三四五六七八九十]+)届(人大|政协)(?:第)?([一二三四五六七八九十]+)次会议$");

	private SessionNames() {
	}

	static CongressSession parse(String name, int year) {
		Matcher matcher = NAME.matcher(name.trim());
		if (!matcher.matches()) {
			return new CongressSession(BodyType.NPC, CongressLevel.CITY, 1, 1, year, name);
		}
		CongressLevel level = switch (matcher.group(1) == null ? "市" : matcher.group(1)) {
			case "省" -> CongressLevel.PROVINCE;
			case "县", "区" -> CongressLevel.COUNTY;
			default -> CongressLevel.CITY;
		};
		BodyType body = "政协".equals(matcher.group(3)) ? BodyType.CPPCC : BodyType.NPC;
		return new CongressSession(body, level, chineseNumber(matcher.group(2)), chineseNumber(matcher.group(4)), year,
				name);
	}

	/** 一 … 九十九. */
	static int chineseNumber(String text) {
		String digits = "零一二三四五六七八九";
		int tenAt = text.indexOf('十');
		if (tenAt < 0) {
			return digits.indexOf(text.charAt(0));
		}
		int tens = (tenAt == 0) ? 1 : digits.indexOf(text.charAt(0));
		int ones = (tenAt == text.length() - 1) ? 0 : digits.indexOf(text.charAt(tenAt + 1));
		return tens * 10 + ones;
	}

}
