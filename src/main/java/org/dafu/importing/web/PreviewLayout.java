package org.dafu.importing.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.letter.LetterWarning;

/**
 * How the import preview is folded: one collapsible group per part of the letter (建议,
 * 公开信息, 称谓与开头, each section with its figures, 结尾), the field each warning links to, and
 * the groups open at first (those holding a warning's field or an invalid field). The
 * rest stays folded, so a long letter is a short page.
 */
public final class PreviewLayout {

	static final String PROPOSAL = "group-proposal";

	static final String HEADER = "group-header";

	static final String LETTER = "group-letter";

	static final String CLOSING = "group-closing";

	static final String OTHER_FIGURES = "group-figures";

	private static final Pattern FIGURE_FIELD = Pattern.compile("^figures\\[(\\d{1,4})]");

	private static final Pattern SECTION_FIELD = Pattern.compile("^sections\\[(\\d{1,4})]");

	private final ImportForm form;

	private final List<String> targets;

	private final Set<String> open = new HashSet<>();

	private PreviewLayout(ImportForm form, List<String> targets) {
		this.form = form;
		this.targets = targets;
	}

	static PreviewLayout of(ImportForm form, List<LetterWarning> warnings, Set<Integer> flagged,
			Set<String> errorFields) {
		PreviewLayout layout = new PreviewLayout(form, new ArrayList<>());
		for (LetterWarning warning : warnings) {
			String target = layout.targetOf(warning, flagged);
			layout.targets.add(target);
			layout.open.add(layout.groupOf(target));
		}
		for (int figure : flagged) {
			layout.open.add(layout.groupOfFigure(figure));
		}
		for (String field : errorFields) {
			layout.open.add(layout.groupOfField(field));
		}
		// a required field left empty is shown, so that the browser can point at it
		if (form.sessionId() == null || form.number() == null) {
			layout.open.add(PROPOSAL);
		}
		if (form.disclosureMode() == null) {
			layout.open.add(HEADER);
		}
		return layout;
	}

	/** The id of the field the {@code i}th warning links to. */
	public String target(int warning) {
		return this.targets.get(warning);
	}

	/** Whether the group starts open. */
	public boolean open(String group) {
		return this.open.contains(group);
	}

	/** The indexes (in the form) of the figures of the section with this ordinal. */
	public List<Integer> figuresOf(Integer ordinal) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < this.form.figures().size(); i++) {
			if (ordinal != null && ordinal.equals(this.form.figures().get(i).section())) {
				rows.add(i);
			}
		}
		return rows;
	}

	/** The figures of no section of the form (no section number, or one removed). */
	public List<Integer> otherFigures() {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < this.form.figures().size(); i++) {
			if (sectionIndexOf(this.form.figures().get(i).section()) < 0) {
				rows.add(i);
			}
		}
		return rows;
	}

	private String targetOf(LetterWarning warning, Set<Integer> flagged) {
		String code = warning.code();
		switch (code) {
			case LetterWarning.REGION_MISSING:
				for (int i = 0; i < this.form.figures().size(); i++) {
					ImportForm.FigureForm f = this.form.figures().get(i);
					if (flagged.contains(i) && warning.args().size() >= 2 && f.value() != null
							&& f.value().toPlainString().equals(warning.args().get(0))
							&& warning.args().get(1).equals(f.unit())) {
						return "figure-" + i + "-region";
					}
				}
				return sectionTarget(warning.section());
			case LetterWarning.BREAKDOWN_MISMATCH:
				for (int i = 0; i < this.form.figures().size(); i++) {
					if (!warning.args().isEmpty()
							&& warning.args().get(0).equals(this.form.figures().get(i).subject())) {
						return "figure-" + i + "-value";
					}
				}
				return sectionTarget(warning.section());
			case LetterWarning.INDEX_NUMBER_MISSING, LetterWarning.INDEX_NUMBER_MALFORMED:
				return "indexNumber";
			case LetterWarning.SIGNED_BEFORE_WRITTEN, LetterWarning.SIGNED_DATE_MISSING:
				return "signedDate";
			case LetterWarning.ADDRESSEE_MISSING:
				return "addressee";
			case LetterWarning.ISSUER_MISSING:
				return "issuer";
			case LetterWarning.PROPOSAL_NUMBER_MISSING, LetterWarning.PROPOSAL_NUMBER_DIFFERS:
				return "number";
			case LetterWarning.NO_FIGURES:
				return (this.form.sections().isEmpty()) ? "closing" : "section-0-text";
			default:
				return guess(code, warning.section());
		}
	}

	/**
	 * A warning this page does not know by name: its section, or a field its code names.
	 */
	private String guess(String code, Integer section) {
		if (section != null && sectionIndexOf(section) >= 0) {
			return sectionTarget(section);
		}
		String c = code.toUpperCase(Locale.ROOT);
		if (c.contains("INDEX") || c.contains("HEADER")) {
			return "indexNumber";
		}
		if (c.contains("SESSION")) {
			return "sessionId";
		}
		if (c.contains("NUMBER")) {
			return "number";
		}
		if (c.contains("WRITTEN")) {
			return "writtenDate";
		}
		if (c.contains("DATE") || c.contains("SIGN")) {
			return "signedDate";
		}
		if (c.contains("ISSUER")) {
			return "issuer";
		}
		if (c.contains("ADDRESSEE") || c.contains("OPENING")) {
			return "addressee";
		}
		if (c.contains("SECTION") && !this.form.sections().isEmpty()) {
			return "section-0-text";
		}
		return "title";
	}

	private String sectionTarget(Integer ordinal) {
		int index = sectionIndexOf(ordinal);
		return (index >= 0) ? "section-" + index + "-text" : "title";
	}

	private int sectionIndexOf(Integer ordinal) {
		for (int i = 0; ordinal != null && i < this.form.sections().size(); i++) {
			if (ordinal.equals(this.form.sections().get(i).ordinal())) {
				return i;
			}
		}
		return -1;
	}

	private String groupOfFigure(int figure) {
		if (figure < 0 || figure >= this.form.figures().size()) {
			return OTHER_FIGURES;
		}
		int section = sectionIndexOf(this.form.figures().get(figure).section());
		return (section >= 0) ? "section-" + section : OTHER_FIGURES;
	}

	/** The group of a field id of the page ({@code figure-3-region}, {@code number}). */
	private String groupOf(String target) {
		if (target.startsWith("figure-")) {
			return groupOfFigure(Integer.parseInt(target.split("-")[1]));
		}
		if (target.startsWith("section-")) {
			return "section-" + target.split("-")[1];
		}
		return switch (target) {
			case "sessionId", "number", "title", "leadDeputy" -> PROPOSAL;
			case "addressee", "opening" -> LETTER;
			case "closing", "issuer", "signedDate", "resultClass" -> CLOSING;
			default -> HEADER;
		};
	}

	/** The group of a form field's name ({@code figures[3].value}, {@code number}). */
	private String groupOfField(String field) {
		Matcher figure = FIGURE_FIELD.matcher(field);
		if (figure.find()) {
			return groupOfFigure(Integer.parseInt(figure.group(1)));
		}
		Matcher section = SECTION_FIELD.matcher(field);
		if (section.find()) {
			return "section-" + section.group(1);
		}
		return groupOf(field.equals("writtenDate") ? "writtenDate" : field);
	}

}
