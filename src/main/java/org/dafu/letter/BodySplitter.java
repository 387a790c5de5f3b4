package org.dafu.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the body of a letter (between the addressee and the closing) into the opening
 * and numbered sections, and cuts off the next-steps part.
 *
 * <p>
 * Three numbering styles are known: 一、 (also 一. and 一．), （一） and 1. (also 1、). The style
 * of the first numbered line is the section level; lines numbered in the other styles
 * stay inside their section as sub-items. The next-steps part is either a section whose
 * heading mentions 下一步 / 工作打算 / 今后, or, in the last section, the paragraph that starts
 * with 下一步 (下步, 今后, 接下来) and everything after it.
 */
final class BodySplitter {

	private static final Pattern[] STYLES = { Pattern.compile("^([一二三四五六七八九十百]+)\\s*[、.．]\\s*(.+)$"),
			Pattern.compile("^[（(]\\s*([一二三四五六七八九十百]+)\\s*[）)]\\s*(.+)$"),
			Pattern.compile("^(\\d{1,2})\\s*(?:[.．](?!\\d)|、)\\s*(.+)$") };

	private static final Pattern NEXT_STEPS_HEADING = Pattern.compile("下一步|下步|工作打算|今后|工作计划|努力方向");

	private static final Pattern NEXT_STEPS_LEAD = Pattern.compile("^(?:下一步|下步|今后|接下来)");

	private BodySplitter() {
	}

	static Body split(List<String> lines) {
		int style = -1;
		for (String line : lines) {
			style = styleOf(line);
			if (style >= 0) {
				break;
			}
		}
		List<String> opening = new ArrayList<>();
		List<Raw> raws = new ArrayList<>();
		for (String line : lines) {
			Matcher heading = (style >= 0) ? STYLES[style].matcher(line) : null;
			if (heading != null && heading.matches()) {
				raws.add(new Raw(ChineseNumerals.parse(heading.group(1)), heading.group(2), new ArrayList<>()));
			}
			else if (raws.isEmpty()) {
				opening.add(line);
			}
			else {
				raws.get(raws.size() - 1).lines().add(line);
			}
		}
		List<ParsedSection> sections = new ArrayList<>();
		for (Raw raw : raws) {
			boolean next = NEXT_STEPS_HEADING.matcher(raw.heading()).find();
			sections.add(section(raw.ordinal(), next ? SectionKind.NEXT_STEPS : SectionKind.RESPONSE, raw.heading(),
					raw.lines()));
		}
		List<String> tail = raws.isEmpty() ? opening : raws.get(raws.size() - 1).lines();
		boolean hasNextSteps = sections.stream().anyMatch((s) -> s.kind() == SectionKind.NEXT_STEPS);
		int lead = hasNextSteps ? -1 : nextStepsLead(tail, raws.isEmpty());
		if (lead >= 0) {
			List<String> nextLines = new ArrayList<>(tail.subList(lead, tail.size()));
			tail.subList(lead, tail.size()).clear();
			if (!raws.isEmpty()) {
				Raw last = raws.get(raws.size() - 1);
				sections.set(sections.size() - 1, section(last.ordinal(), sections.get(sections.size() - 1).kind(),
						last.heading(), last.lines()));
			}
			int ordinal = sections.isEmpty() ? 1 : sections.get(sections.size() - 1).ordinal() + 1;
			String first = nextLines.remove(0);
			sections.add(section(ordinal, SectionKind.NEXT_STEPS, first, nextLines));
		}
		return new Body(String.join("\n", opening), sections);
	}

	private static int nextStepsLead(List<String> tail, boolean inOpening) {
		for (int i = inOpening ? 1 : 0; i < tail.size(); i++) {
			if (NEXT_STEPS_LEAD.matcher(tail.get(i)).find()) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Builds a section; a heading line that runs on into text (关于X。正文…) is cut at its
	 * first full stop.
	 */
	private static ParsedSection section(int ordinal, SectionKind kind, String headingLine, List<String> lines) {
		String heading = headingLine;
		List<String> text = new ArrayList<>(lines);
		int stop = headingLine.indexOf('。');
		if (stop >= 0 && stop < headingLine.length() - 1) {
			heading = headingLine.substring(0, stop);
			text.add(0, TextNormalizer.strip(headingLine.substring(stop + 1)));
		}
		else if (stop == headingLine.length() - 1) {
			heading = headingLine.substring(0, stop);
		}
		return new ParsedSection(ordinal, kind, heading, String.join("\n", text));
	}

	private static int styleOf(String line) {
		for (int i = 0; i < STYLES.length; i++) {
			Matcher matcher = STYLES[i].matcher(line);
			if (matcher.matches() && ChineseNumerals.parse(matcher.group(1)) > 0) {
				return i;
			}
		}
		return -1;
	}

	record Body(String opening, List<ParsedSection> sections) {
	}

	private record Raw(int ordinal, String heading, List<String> lines) {
	}

}
