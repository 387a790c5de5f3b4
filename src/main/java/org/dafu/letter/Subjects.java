package org.dafu.letter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the words before a number into the subject of a figure: scope words (全市, 我市,
 * 截至目前…), leading verbs (实现, 开展, 建立…) and the comparator (突破, 达到…) are taken off; the
 * region, if one leads, is split off.
 */
final class Subjects {

	static final String DELIMITERS = "，,；;。：:、！？!?";

	static final Pattern PERIOD = Pattern.compile("\\d{1,2}\\s*[—–\\-－~～至]\\s*\\d{1,2}\\s*月份?|(?:今年)?前三季度|(?:今年)?上半年"
			+ "|(?:今年)?一季度|今年以来|截至目前|截至\\d{4}年(?:\\d{1,2}月)?(?:底|末)?|截至\\d{1,2}月(?:底|末)?|截至年底"
			+ "|\\d{4}年(?:全年|上半年|前三季度|以来|底|末)|\\d{4}年(?=[，,])|全年");

	private static final Pattern LEAD = Pattern
		.compile("^(?:(?:年度)?(?:目标)?完成情况(?:为|是)?|(?:我们|我局|我委|我办|我市|我区|我县)?将|力争|确保|计划|预计|推动"
				+ "|(?:到|至|在|于)?\\d{4}\\s*年(?:底|末)?(?:前)?(?![度份])|其中|分别为|分别是|分别|全市|我市|本市|全区|全县|我区|我县|截至目前|目前|今年以来|今年|一年多来"
				+ "|累计|共计|合计|总计|共争取到|共(?![享同建富识])|已经|已|正在|同时|此外|另外|实现|建立|建成(?!区)|开展|评选|开发(?!区)|完成|争取到|争取)");

	private static final Pattern COMPARATOR = Pattern
		.compile("(突破|达到|超过|不少于|不低于|不足|约|近|逾|超|达|为|是|共计|合计|累计|总计|共|实现|完成|保持|稳定在|增加到|提高到|提升到)$");

	/** Labels of a letter's own layout, never the name of an indicator. */
	private static final Pattern LABEL = Pattern.compile("(?:(?:年度)?(?:目标)?完成情况|^(?:年度)?目标(?:任务)?)(?:为|是)?$");

	/**
	 * A unit of measure alone (万千瓦, 亿元, 个): what a figure is counted in, not what it
	 * counts.
	 */
	private static final Pattern UNIT_ONLY = Pattern
		.compile("[（(]?(?:[十百千万亿]+)?(?:千瓦时?|瓦|元|亩|平方米|平方千米|公里|千米|米|吨|个|人次|人|户|家|辆|座|项|所|栋|台|套)[）)]?");

	private Subjects() {
	}

	/**
	 * Where the clause before {@code end} starts: after the last delimiter outside
	 * brackets, or at {@code floor}.
	 */
	static int clauseStart(String sentence, int end, int floor) {
		int depth = 0;
		for (int i = end - 1; i >= floor; i--) {
			char c = sentence.charAt(i);
			if (c == ')' || c == '）') {
				depth++;
			}
			else if (c == '(' || c == '（') {
				depth = Math.max(0, depth - 1);
			}
			else if (depth == 0 && DELIMITERS.indexOf(c) >= 0) {
				return i + 1;
			}
		}
		return floor;
	}

	/**
	 * Takes the comparator off the end of a clause.
	 * @return the comparator as a normalised word (达 gives 达到), or {@code null}, and the
	 * rest
	 */
	static Split comparator(String clause) {
		String rest = TextNormalizer.strip(clause);
		String comparator = null;
		Matcher matcher = COMPARATOR.matcher(rest);
		while (matcher.find()) {
			String word = matcher.group(1);
			if (comparator == null) {
				comparator = switch (word) {
					case "达", "增加到", "提高到", "提升到" -> "达到";
					case "超", "逾" -> "超过";
					case "突破", "达到", "超过", "不少于", "不低于", "不足", "约", "近" -> word;
					default -> null;
				};
			}
			rest = TextNormalizer.strip(rest.substring(0, matcher.start()));
			matcher = COMPARATOR.matcher(rest);
		}
		return new Split(comparator, rest);
	}

	/** Removes scope words, periods and leading verbs, repeatedly. */
	static String stripLead(String clause) {
		String rest = TextNormalizer.strip(clause);
		boolean changed = true;
		while (changed && !rest.isEmpty()) {
			changed = false;
			Matcher lead = LEAD.matcher(rest);
			Matcher period = PERIOD.matcher(rest);
			if (lead.lookingAt()) {
				rest = TextNormalizer.strip(rest.substring(lead.end()));
				changed = true;
			}
			else if (period.lookingAt()) {
				rest = TextNormalizer.strip(rest.substring(period.end()));
				changed = true;
			}
		}
		return rest;
	}

	/**
	 * Final touches: after the last 等, without wrapping quotes and a trailing 的; a label
	 * (完成情况, 目标) and a bare unit name nothing.
	 */
	static String tidy(String subject) {
		String rest = LABEL.matcher(subject).replaceAll("");
		int etc = rest.lastIndexOf('等');
		if (etc >= 0 && etc < rest.length() - 1) {
			rest = rest.substring(etc + 1);
		}
		if (rest.indexOf("实现") > 0) {
			rest = rest.replace("实现", "");
		}
		if (rest.startsWith("“") && rest.endsWith("”") && rest.length() > 2) {
			rest = rest.substring(1, rest.length() - 1);
		}
		if (rest.endsWith("的")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		rest = TextNormalizer.strip(rest);
		return UNIT_ONLY.matcher(rest).matches() ? "" : rest;
	}

	/**
	 * The name a colon introduces (新增装机：35万千瓦): the clause before the colon that ends at
	 * {@code colonAt}, or the empty string.
	 */
	static String beforeColon(String sentence, int clauseStart, int floor) {
		int colon = clauseStart - 1;
		if (colon < floor || colon < 0 || (sentence.charAt(colon) != '：' && sentence.charAt(colon) != ':')) {
			return "";
		}
		int start = clauseStart(sentence, colon, floor);
		return tidy(stripLead(sentence.substring(start, colon)));
	}

	record Split(String comparator, String rest) {
	}

}
