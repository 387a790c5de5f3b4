package org.dafu.importing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.dafu.letter.LetterWarning;
import org.dafu.letter.ParsedFigure;
import org.dafu.letter.ParsedLetter;
import org.dafu.letter.ParsedSection;

import org.springframework.context.MessageSource;

/**
 * The JSON the import API answers with: the parsed letter with its figures and
 * (localized) warnings, an error, or the created draft.
 */
public final class ImportJson {

	private ImportJson() {
	}

	static Letter of(ParsedLetter letter, MessageSource messages, Locale locale) {
		return new Letter(
				new Metadata(letter.metadata().indexNumber(), letter.metadata().writtenDate(),
						letter.metadata().disclosureMode(), letter.metadata().catalogCategory()),
				letter.addressee(),
				new Proposal(letter.proposal().session(), letter.proposal().number(), letter.proposal().title()),
				letter.opening(), letter.sections().stream().map(Section::of).toList(), letter.closing(),
				letter.issuer(), letter.signedDate(), letter.figures().stream().map(Figure::of).toList(),
				letter.warnings().stream().map((w) -> Warning.of(w, messages, locale)).toList());
	}

	@Schema(name = "ImportLetter")
	record Letter(Metadata metadata, String addressee, Proposal proposal, String opening, List<Section> sections,
			String closing, String issuer, LocalDate signedDate, List<Figure> figures, List<Warning> warnings) {
	}

	@Schema(name = "ImportMetadata")
	record Metadata(String indexNumber, LocalDate writtenDate, String disclosureMode, String catalogCategory) {
	}

	@Schema(name = "ImportProposal")
	record Proposal(String session, Integer number, String title) {
	}

	@Schema(name = "ImportSection")
	record Section(int ordinal, String kind, String heading, String text, List<String> items) {

		static Section of(ParsedSection s) {
			return new Section(s.ordinal(), s.kind().name(), s.heading(), s.text(), s.items());
		}

	}

	@Schema(name = "ImportFigure")
	record Figure(int section, String subject, BigDecimal value, String unit, String kind, String comparator,
			String period, Integer deadlineYear, String region, BigDecimal growthRate, Integer rank,
			BigDecimal taskShare, String source) {

		static Figure of(ParsedFigure f) {
			return new Figure(f.section(), f.subject(), f.value(), f.unit(), f.kind().name(), f.comparator(),
					f.period(), f.deadlineYear(), f.region(), f.growthRate(), f.rank(), f.taskShare(), f.source());
		}

	}

	@Schema(name = "ImportWarning")
	record Warning(String code, String message, Integer section) {

		static Warning of(LetterWarning w, MessageSource messages, Locale locale) {
			return new Warning(w.code(),
					messages.getMessage("importing.warning." + w.code(), w.args().toArray(), w.message(), locale),
					w.section());
		}

	}

	@Schema(name = "ImportCreated")
	record Created(long id, String location) {
	}

}
