package org.dafu.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a reply letter's body.
 *
 * <p>
 * A {@link SectionKind#RESPONSE} section is a numbered thematic answer; its ordinal is
 * the number written in the letter (一、 gives 1, （三） gives 3, 11. gives 11). A
 * {@link SectionKind#NEXT_STEPS} section is the 下一步 part; its ordinal continues after the
 * last response section, its heading is the lead paragraph (or the numbered heading when
 * the letter numbers it) and its text holds the commitments, one per line
 * ({@link #items()} splits them).
 *
 * @param ordinal the section number
 * @param kind response or next steps
 * @param heading the heading, without its number
 * @param text the paragraphs after the heading, joined by {@code \n}
 */
public record ParsedSection(int ordinal, SectionKind kind, String heading, String text) {

	private static final Pattern ITEM_START = Pattern
		.compile("(?m)^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[）)]|\\d{1,2}[.．、])");

	/**
	 * The enumerated items of this section (一是…, 二是…, or （一）…, 1. … at the start of a
	 * line), each with its marker. Empty when the text has no such items.
	 * @return the items in order
	 */
	public List<String> items() {
		List<String> items = new ArrayList<>();
		if (this.text == null) {
			return items;
		}
		Matcher matcher = ITEM_START.matcher(this.text);
		List<Integer> starts = new ArrayList<>();
		while (matcher.find()) {
			starts.add(matcher.start());
		}
		for (int i = 0; i < starts.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1) : this.text.length();
			items.add(this.text.substring(starts.get(i), end).strip());
		}
		return items;
	}

}
