package org.dafu.importing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.letter.LetterWarning;
import org.dafu.letter.ParsedLetter;
import org.dafu.letter.ParsedSection;
import org.dafu.reply.form.FigureForm;
import org.dafu.reply.form.SectionForm;

/**
 * How the import preview is folded: one collapsible group per part of the letter (建议,
 * 公开信息, 称谓与开头, each section with its figures, 结尾), the figures a warning points at, the
 * field each warning links to, and the groups open at first (those holding a warning's
 * field or an invalid field). The rest stays folded, so a long letter is a short page.
 * Sections and figures carry the ids of the letter editor's fields ({@code s0-body},
 * {@code s0f3-region}); a warning names its section by the number the letter gave it.
 */
public final class PreviewLayout {

	static final String PROPOSAL = "group-proposal";

	static final String HEADER = "group-header";

	static final String LETTER = "group-letter";

	static final String CLOSING = "group-closing";

	private static final Pattern SECTION_FIELD = Pattern.compile("^sections\\[(\\d{1,4})]");

	private final ImportForm form;

	/** The numbers the letter gave its sections, by index. */
	private final List<Integer> ordinals;

	private final List<String> targets = new ArrayList<>();

	private final Set<String> flagged = new HashSet<>();

	private final Set<String> open = new HashSet<>();

	private PreviewLayout(ImportForm form, List<Integer> ordinals) {
		this.form = form;
		this.ordinals = ordinals;
	}

	static PreviewLayout of(ImportForm form, ParsedLetter letter, Set<String> errorFields) {
		PreviewLayout layout = new PreviewLayout(form, letter.sections().stream().map(ParsedSection::ordinal).toList());
		for (LetterWarning warning : letter.warnings()) {
			layout.flag(warning);
		}
		for (LetterWarning warning : letter.warnings()) {
			String target = layout.targetOf(warning);
			layout.targets.add(target);
			layout.open.add(groupOf(target));
		}
		for (String figure : layout.flagged) {
			layout.open.add(groupOf(figure));
		}
		for (String field : errorFields) {
			Matcher section = SECTION_FIELD.matcher(field);
			layout.open.add(section.find() ? "section-" + section.group(1) : groupOf(field));
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

	/**
	 * The ids ({@code s0f3}) of the figures a warning points at (a part without region).
	 */
	public Set<String> flagged() {
		return this.flagged;
	}

	/** The number the letter gave the section at this index. */
	public int ordinal(int section) {
		return (section < this.ordinals.size()) ? this.ordinals.get(section) : section + 1;
	}

	/** The enumerated items of a section's text (一是…, 二是…), as the preview lists them. */
	public List<String> items(int section) {
		SectionForm s = this.form.sections().get(section);
		return new ParsedSection(ordinal(section), org.dafu.letter.SectionKind.RESPONSE, s.heading(), s.body()).items();
	}

	/**
	 * The figure rows a REGION_MISSING warning points at: same section, value and unit,
	 * and no region yet.
	 */
	private void flag(LetterWarning warning) {
		if (!warning.code().equals(LetterWarning.REGION_MISSING) || warning.args().size() < 2) {
			return;
		}
		for (int i = 0; i < this.form.sections().size(); i++) {
			if (warning.section() != null && warning.section() != ordinal(i)) {
				continue;
			}
			List<FigureForm> figures = this.form.sections().get(i).figures();
			for (int j = 0; j < figures.size(); j++) {
				FigureForm f = figures.get(j);
				if (sameNumber(f.value(), warning.args().get(0)) && warning.args().get(1).equals(f.unit())
						&& f.region().isBlank()) {
					this.flagged.add("s" + i + "f" + j);
				}
			}
		}
	}

	private String targetOf(LetterWarning warning) {
		String code = warning.code();
		switch (code) {
			case LetterWarning.REGION_MISSING:
				for (int i = 0; i < this.form.sections().size(); i++) {
					List<FigureForm> figures = this.form.sections().get(i).figures();
					for (int j = 0; j < figures.size(); j++) {
						if (this.flagged.contains("s" + i + "f" + j)
								&& sameNumber(figures.get(j).value(), warning.args().get(0))
								&& warning.args().get(1).equals(figures.get(j).unit())) {
							return "s" + i + "f" + j + "-region";
						}
					}
				}
				return sectionTarget(warning.section());
			case LetterWarning.BREAKDOWN_MISMATCH:
				for (int i = 0; i < this.form.sections().size(); i++) {
					List<FigureForm> figures = this.form.sections().get(i).figures();
					for (int j = 0; j < figures.size(); j++) {
						if (!warning.args().isEmpty() && warning.args().get(0).equals(figures.get(j).subject())) {
							return "s" + i + "f" + j + "-value";
						}
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
				return (this.form.sections().isEmpty()) ? "closing" : "s0-body";
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
			return "s0-body";
		}
		return "title";
	}

	private String sectionTarget(Integer ordinal) {
		int index = sectionIndexOf(ordinal);
		return (index >= 0) ? "s" + index + "-body" : "title";
	}

	private int sectionIndexOf(Integer ordinal) {
		for (int i = 0; ordinal != null && i < this.form.sections().size(); i++) {
			if (ordinal == ordinal(i)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean sameNumber(String value, String written) {
		try {
			return !value.isEmpty() && new BigDecimal(value).compareTo(new BigDecimal(written)) == 0;
		}
		catch (NumberFormatException ex) {
			return value.equals(written);
		}
	}

	/**
	 * The group of a field id of the page ({@code s0f3-region}, {@code s2-body},
	 * {@code number}) or of a form field's name ({@code number}).
	 */
	private static String groupOf(String target) {
		Matcher section = Pattern.compile("^s(\\d{1,4})(?:f\\d{1,4})?(?:-|$)").matcher(target);
		if (section.find()) {
			return "section-" + section.group(1);
		}
		return switch (target) {
			case "sessionId", "number", "title", "leadDeputy" -> PROPOSAL;
			case "addressee", "opening" -> LETTER;
			case "closing", "issuer", "signedDate", "resultClass" -> CLOSING;
			default -> HEADER;
		};
	}

}
