package org.dafu.reply.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dafu.reply.FigureContent;
import org.dafu.reply.LetterContent;
import org.dafu.reply.SectionContent;

/**
 * The stored letter beside the one the editor submitted, part by part, for the conflict
 * page. Labels are message keys; the texts are shown escaped.
 */
final class ConflictRows {

	private ConflictRows() {
	}

	static List<Row> of(LetterContent stored, LetterContent submitted) {
		List<Row> rows = new ArrayList<>();
		row(rows, "drafting.field.writtenOn", 0, stored, submitted, LetterContent::writtenOn);
		row(rows, "drafting.field.signedOn", 0, stored, submitted, LetterContent::signedOn);
		row(rows, "drafting.field.disclosureMode", 0, stored, submitted, (c) -> c.disclosureMode().chinese());
		row(rows, "drafting.field.disclosureReason", 0, stored, submitted, LetterContent::disclosureReason);
		row(rows, "drafting.field.catalogCategory", 0, stored, submitted, LetterContent::catalogCategory);
		row(rows, "drafting.field.resultClass", 0, stored, submitted, LetterContent::resultClass);
		row(rows, "drafting.field.addressee", 0, stored, submitted, LetterContent::addressee);
		row(rows, "drafting.field.opening", 0, stored, submitted, LetterContent::opening);
		int sections = Math.max(stored.sections().size(), (submitted != null) ? submitted.sections().size() : 0);
		for (int i = 0; i < sections; i++) {
			int n = i;
			row(rows, "drafting.conflict.section", n + 1, stored, submitted, (c) -> section(c, n));
		}
		row(rows, "drafting.field.closing", 0, stored, submitted, LetterContent::closing);
		row(rows, "drafting.field.issuer", 0, stored, submitted, LetterContent::issuer);
		return rows;
	}

	private static void row(List<Row> rows, String label, int number, LetterContent stored, LetterContent submitted,
			java.util.function.Function<LetterContent, Object> part) {
		String mine = text(part.apply(stored));
		String theirs = (submitted != null) ? text(part.apply(submitted)) : null;
		rows.add(new Row(label, number, mine, theirs, submitted != null && !Objects.equals(mine, theirs)));
	}

	private static Object section(LetterContent content, int index) {
		if (index >= content.sections().size()) {
			return null;
		}
		SectionContent s = content.sections().get(index);
		StringBuilder out = new StringBuilder();
		out.append('[').append(s.kind().name()).append("] ").append(s.heading()).append('\n').append(s.body());
		for (FigureContent f : s.figures()) {
			out.append('\n')
				.append("· ")
				.append(f.kind().name())
				.append(' ')
				.append(f.subject())
				.append(' ')
				.append((f.comparator() != null) ? f.comparator() + " " : "")
				.append(f.value().stripTrailingZeros().toPlainString())
				.append(f.unit());
		}
		return out.toString();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * @param label message key of the part
	 * @param number the section number for section rows (else 0)
	 * @param stored the text saved by the other editor
	 * @param submitted the text this editor submitted (null when nothing was submitted)
	 * @param differs whether the two differ
	 */
	record Row(String label, int number, String stored, String submitted, boolean differs) {
	}

}
