package org.dafu.importing;

import java.util.ArrayList;
import java.util.List;

import org.dafu.letter.ParsedFigure;
import org.dafu.letter.ParsedLetter;
import org.dafu.letter.ParsedSection;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;

/**
 * Turns what the letter reader found into the reply's content. Figures stay with the
 * section they were found in; a figure of the opening goes with the first section.
 */
public final class ParsedLetters {

	private ParsedLetters() {
	}

	public static LetterContent toContent(ParsedLetter letter, ResultClass resultClass, String disclosureReason) {
		List<List<FigureContent>> figuresBySection = new ArrayList<>();
		for (int i = 0; i < letter.sections().size(); i++) {
			figuresBySection.add(new ArrayList<>());
		}
		for (ParsedFigure figure : letter.figures()) {
			int index = sectionIndexOf(letter, figure);
			if (index >= 0) {
				figuresBySection.get(index).add(toFigure(figure));
			}
		}
		List<SectionContent> sections = new ArrayList<>();
		for (int i = 0; i < letter.sections().size(); i++) {
			ParsedSection section = letter.sections().get(i);
			sections.add(
					new SectionContent(
							(section.kind() == org.dafu.letter.SectionKind.NEXT_STEPS) ? SectionKind.NEXT_STEPS
									: SectionKind.RESPONSE,
							section.heading(), section.text(), figuresBySection.get(i)));
		}
		DisclosureMode mode = DisclosureMode.fromChinese(letter.metadata().disclosureMode());
		return new LetterContent(letter.metadata().writtenDate(), letter.signedDate(),
				(mode != null) ? mode : DisclosureMode.PROACTIVE, disclosureReason, letter.metadata().catalogCategory(),
				(letter.addressee() != null) ? letter.addressee() + "：" : null, letter.opening(), letter.closing(),
				letter.issuer(), resultClass, sections);
	}

	/**
	 * The index of the section a figure goes with: the one it was found in, else the
	 * first (a figure of the opening); -1 for a letter without sections.
	 */
	public static int sectionIndexOf(ParsedLetter letter, ParsedFigure figure) {
		List<ParsedSection> sections = letter.sections();
		int ordinal = figure.section();
		if (sections.isEmpty()) {
			return -1;
		}
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).ordinal() == ordinal) {
				return i;
			}
		}
		return 0;
	}

	/** 朱伟正等代表 names 朱伟正 as the lead deputy. */
	public static String leadDeputyOf(String addressee) {
		if (addressee == null) {
			return null;
		}
		String name = addressee.replaceAll("(?:等)?(?:代表|委员|同志)(?:们)?$", "").strip();
		return (name.isEmpty() || name.length() > 50) ? null : name;
	}

	static FigureContent toFigure(ParsedFigure f) {
		// never named after its unit: an unnamed figure is left for the official to name
		String subject = (f.subject() != null && !f.subject().isBlank()) ? f.subject() : "?";
		return new FigureContent(subject, f.value(), (f.unit() != null) ? f.unit() : "",
				(f.kind() == org.dafu.letter.FigureKind.TARGET) ? FigureKind.TARGET : FigureKind.ACHIEVEMENT,
				f.comparator(), f.period(), f.deadlineYear(), f.region(), f.growthRate(),
				(f.rank() != null) ? String.valueOf(f.rank()) : null, f.taskShare(), f.source());
	}

}
