package org.dafu.reply;

/**
 * The one set of limits of a reply letter, shared by the editor and the importer: what
 * either accepts, the other can save again, and the columns can store (V1: varchar sizes,
 * {@code numeric(20, 4)} values and {@code numeric(10, 2)} rates; {@code text} columns
 * are bounded here only). A section's heading may be empty (an imported letter may number
 * its parts without headings).
 */
public final class LetterLimits {

	/** {@code reply.addressee varchar(200)}. */
	public static final int ADDRESSEE = 200;

	public static final int OPENING = 20_000;

	public static final int CLOSING = 5_000;

	/** {@code reply.issuer varchar(100)}. */
	public static final int ISSUER = 100;

	/** {@code reply.disclosure_reason varchar(500)}. */
	public static final int DISCLOSURE_REASON = 500;

	/** {@code reply.catalog_category varchar(50)}. */
	public static final int CATALOG_CATEGORY = 50;

	/** Sections of one letter. */
	public static final int SECTIONS = 60;

	/** {@code reply_section.heading varchar(300)}. */
	public static final int HEADING = 300;

	public static final int BODY = 100_000;

	/** Figures of one letter, over all its sections. */
	public static final int FIGURES = 250;

	/** Figures of one section. */
	public static final int FIGURES_PER_SECTION = 100;

	/** {@code figure.subject varchar(200)}. */
	public static final int SUBJECT = 200;

	/** {@code figure.unit varchar(20)}. */
	public static final int UNIT = 20;

	/** {@code figure.comparator varchar(20)}. */
	public static final int COMPARATOR = 20;

	/** {@code figure.period varchar(50)}. */
	public static final int PERIOD = 50;

	/** {@code figure.region varchar(50)}. */
	public static final int REGION = 50;

	/** {@code figure.rank varchar(50)}. */
	public static final int RANK = 50;

	public static final int SOURCE_SENTENCE = 2_000;

	/** {@code figure.value numeric(20, 4)}: digits before the point. */
	public static final int VALUE_INTEGER_DIGITS = 16;

	/** {@code figure.value numeric(20, 4)}: digits after the point. */
	public static final int VALUE_FRACTION_DIGITS = 4;

	/**
	 * {@code figure.growth_rate}, {@code figure.task_share numeric(10, 2)}: before the
	 * point.
	 */
	public static final int RATE_INTEGER_DIGITS = 8;

	/** {@code numeric(10, 2)}: digits after the point. */
	public static final int RATE_FRACTION_DIGITS = 2;

	/** {@code figure.deadline_year between 1949 and 2200}. */
	public static final int FIRST_YEAR = 1949;

	public static final int LAST_YEAR = 2200;

	private LetterLimits() {
	}

	/**
	 * Whether a letter is within these limits, so that the editor can load and save it
	 * again (for letters that reach the service without the editor's form, such as the
	 * import API's).
	 */
	public static boolean fits(LetterContent letter) {
		int figures = 0;
		for (SectionContent section : letter.sections()) {
			figures += section.figures().size();
			if (section.figures().size() > FIGURES_PER_SECTION || longer(section.heading(), HEADING)
					|| longer(section.body(), BODY)) {
				return false;
			}
			for (FigureContent f : section.figures()) {
				if (longer(f.subject(), SUBJECT) || longer(f.unit(), UNIT) || longer(f.comparator(), COMPARATOR)
						|| longer(f.period(), PERIOD) || longer(f.region(), REGION) || longer(f.rank(), RANK)
						|| longer(f.sourceSentence(), SOURCE_SENTENCE)) {
					return false;
				}
			}
		}
		return letter.sections().size() <= SECTIONS && figures <= FIGURES && !longer(letter.addressee(), ADDRESSEE)
				&& !longer(letter.opening(), OPENING) && !longer(letter.closing(), CLOSING)
				&& !longer(letter.issuer(), ISSUER) && !longer(letter.disclosureReason(), DISCLOSURE_REASON)
				&& !longer(letter.catalogCategory(), CATALOG_CATEGORY);
	}

	private static boolean longer(String text, int max) {
		return text != null && text.length() > max;
	}

}
