package org.dafu.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * A reply letter taken apart by {@link LetterParser}. Parts the letter lacks are
 * {@code null} (or empty lists); what looks wrong is reported in {@link #warnings()},
 * never silently fixed.
 *
 * @param metadata the disclosure header, never {@code null}
 * @param addressee the addressee without the colon, e.g. 朱伟正等代表
 * @param proposal the proposal cited in the opening, never {@code null}
 * @param opening the opening paragraph(s) up to the first section
 * @param sections the response sections and the next-steps part, in order
 * @param closing the closing paragraph (感谢…)
 * @param issuer the issuing organisation
 * @param signedDate the signing date
 * @param figures the quantitative figures, in reading order
 * @param warnings what the checks found
 */
public record ParsedLetter(LetterMetadata metadata, String addressee, ProposalRef proposal, String opening,
		List<ParsedSection> sections, String closing, String issuer, LocalDate signedDate, List<ParsedFigure> figures,
		List<LetterWarning> warnings) {

	public ParsedLetter {
		sections = List.copyOf(sections);
		figures = List.copyOf(figures);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Whether the text looked like a reply letter at all: it has sections, cites a
	 * proposal, is addressed to someone or is signed and dated. A letter lacking some of
	 * these parts is still one; the warnings say what is missing.
	 * @return {@code true} when something of a letter was recognised
	 */
	public boolean isLetter() {
		return !this.sections.isEmpty() || !this.proposal.isEmpty() || this.addressee != null
				|| this.issuer != null && this.signedDate != null;
	}

	/**
	 * The warnings with the given code.
	 * @param code one of the {@code LetterWarning} codes
	 * @return the matching warnings, possibly empty
	 */
	public List<LetterWarning> warnings(String code) {
		return this.warnings.stream().filter((warning) -> warning.code().equals(code)).toList();
	}

}
