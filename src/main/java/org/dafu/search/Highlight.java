package org.dafu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A passage of text with the query's words marked. Kept as segments so that templates
 * print each with {@code th:text} (escaped by Thymeleaf, never {@code th:utext});
 * {@link #html()} gives the same as HTML for the API: every segment escaped first, then
 * the matches wrapped in {@code <mark>}.
 */
public record Highlight(List<Segment> segments) {

	/** A piece of the passage, marked when it matched the query. */
	public record Segment(String text, boolean marked) {
	}

	public boolean isEmpty() {
		return this.segments.isEmpty();
	}

	public String html() {
		StringBuilder out = new StringBuilder();
		for (Segment segment : this.segments) {
			String escaped = HtmlUtils.htmlEscape(segment.text());
			out.append(segment.marked() ? "<mark>" + escaped + "</mark>" : escaped);
		}
		return out.toString();
	}

	/** Opens a match in a fragment of the index's highlighter. */
	static final String START = "\u0002";

	/** Closes a match in a fragment of the index's highlighter. */
	static final String END = "\u0003";

	/**
	 * A fragment of the index's highlighter, its matches between {@link #START} and
	 * {@link #END} (the text itself is never trusted as markup: each segment is escaped
	 * when rendered); adjacent matches (the bigrams of one word) become one.
	 */
	static Highlight fragment(String fragment) {
		List<Segment> segments = new ArrayList<>();
		String text = fragment.strip();
		int at = 0;
		while (at < text.length()) {
			int start = text.indexOf(START, at);
			if (start < 0) {
				add(segments, text.substring(at), false);
				break;
			}
			add(segments, text.substring(at, start), false);
			int end = text.indexOf(END, start + 1);
			if (end < 0) {
				add(segments, text.substring(start + 1), true);
				break;
			}
			add(segments, text.substring(start + 1, end), true);
			at = end + 1;
		}
		return new Highlight(List.copyOf(segments));
	}

	private static void add(List<Segment> segments, String text, boolean marked) {
		String clean = text.replace(START, "").replace(END, "");
		if (clean.isEmpty()) {
			return;
		}
		int last = segments.size() - 1;
		if (last >= 0 && segments.get(last).marked() == marked) {
			segments.set(last, new Segment(segments.get(last).text() + clean, marked));
		}
		else {
			segments.add(new Segment(clean, marked));
		}
	}

	/** The whole text (a title) with every match marked. */
	static Highlight whole(String text, List<String> words) {
		return mark(text, 0, text.length(), pattern(words));
	}

	private static Highlight mark(String text, int from, int to, Pattern pattern) {
		List<Segment> segments = new ArrayList<>();
		if (pattern == null) {
			segments.add(new Segment(text.substring(from, to), false));
			return new Highlight(segments);
		}
		Matcher m = pattern.matcher(text).region(from, to);
		int at = from;
		while (m.find()) {
			if (m.start() > at) {
				segments.add(new Segment(text.substring(at, m.start()), false));
			}
			segments.add(new Segment(m.group(), true));
			at = m.end();
		}
		if (at < to) {
			segments.add(new Segment(text.substring(at, to), false));
		}
		return new Highlight(List.copyOf(segments));
	}

	/** Longest words first, so that the longer of two overlapping words wins. */
	private static Pattern pattern(List<String> words) {
		List<String> quoted = words.stream().filter((w) -> !w.isBlank()).map(Pattern::quote).toList();
		if (quoted.isEmpty()) {
			return null;
		}
		return Pattern.compile(String.join("|", quoted), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
