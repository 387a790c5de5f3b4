package org.dafu.importing.web;

import org.dafu.importing.ImportCommand;
import org.dafu.importing.ImportSource;
import org.dafu.importing.ParsedLetters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.dafu.letter.ParsedFigure;
import org.dafu.letter.ParsedLetter;
import org.dafu.letter.ParsedSection;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.dafu.reply.form.FigureForm;
import org.dafu.reply.form.SectionForm;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The import preview as an editable form. It is the whole state between preview and
 * confirm: nothing is kept on the server, so nothing is written or left behind before the
 * official confirms. The unit is never part of it (it is the signed-in official's). The
 * sections and their figures are the reply editor's ({@link SectionForm}), with its
 * limits, so that an imported letter can be saved again in the editor. A section left
 * with neither heading nor text, a figure row left without subject and value, and the
 * missing entries of a list posted with gaps in its indexes, are dropped.
 */
public record ImportForm(@NotNull Long sessionId, @NotNull @Positive @Max(999_999) Integer number,
		@Size(max = 300) String title, @Size(max = 50) String leadDeputy, @Size(max = 100) String citedSession,
		@Size(max = 60) @Pattern(regexp = "^$|^[0-9A-Z]{6,30}/[0-9]{4}-[0-9]{1,10}$") String indexNumber,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate writtenDate, @NotNull DisclosureMode disclosureMode,
		@Size(max = LetterLimits.DISCLOSURE_REASON) String disclosureReason,
		@Size(max = LetterLimits.CATALOG_CATEGORY) String catalogCategory,
		@Size(max = LetterLimits.ADDRESSEE - 1) String addressee, @Size(max = LetterLimits.OPENING) String opening,
		@Size(max = LetterLimits.CLOSING) String closing, @Size(max = LetterLimits.ISSUER) String issuer,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedDate, ResultClass resultClass,
		@Valid @Size(max = LetterLimits.SECTIONS) List<SectionForm> sections, ImportSource source,
		@Size(max = 255) String sourceName, @Size(max = 2_100_000) String originalText) {

	public ImportForm {
		// a list posted with gaps in its indexes (sections[1] without sections[0]) binds
		// with null entries: they are dropped, as the reply editor's form does
		sections = (sections != null) ? sections.stream().filter((s) -> s != null).toList() : List.of();
	}

	/**
	 * A form showing everything the parser found, with the session matched by name; each
	 * figure in the section it was found in (one of the opening in the first section).
	 */
	static ImportForm of(ParsedLetter letter, Long sessionId, ImportSource source, String sourceName, String text) {
		List<List<FigureForm>> figures = new ArrayList<>();
		letter.sections().forEach((s) -> figures.add(new ArrayList<>()));
		for (ParsedFigure figure : letter.figures()) {
			int index = ParsedLetters.sectionIndexOf(letter, figure);
			if (index >= 0) {
				figures.get(index).add(figureOf(figure));
			}
		}
		List<SectionForm> sections = new ArrayList<>();
		for (int i = 0; i < letter.sections().size(); i++) {
			ParsedSection s = letter.sections().get(i);
			SectionKind kind = (s.kind() == org.dafu.letter.SectionKind.NEXT_STEPS) ? SectionKind.NEXT_STEPS
					: SectionKind.RESPONSE;
			sections.add(new SectionForm(kind.name(), s.heading(), s.text(), figures.get(i)));
		}
		DisclosureMode mode = DisclosureMode.fromChinese(letter.metadata().disclosureMode());
		return new ImportForm(sessionId, letter.proposal().number(), letter.proposal().title(),
				ParsedLetters.leadDeputyOf(letter.addressee()), letter.proposal().session(),
				letter.metadata().indexNumber(), letter.metadata().writtenDate(),
				(mode != null) ? mode : DisclosureMode.PROACTIVE, null, letter.metadata().catalogCategory(),
				letter.addressee(), letter.opening(), letter.closing(), letter.issuer(), letter.signedDate(), null,
				sections, source, sourceName, text);
	}

	private static FigureForm figureOf(ParsedFigure f) {
		return new FigureForm(f.subject(), FigureForm.plain(f.value()), f.unit(),
				((f.kind() == org.dafu.letter.FigureKind.TARGET) ? FigureKind.TARGET : FigureKind.ACHIEVEMENT).name(),
				f.comparator(), f.period(), (f.deadlineYear() != null) ? f.deadlineYear().toString() : null, f.region(),
				FigureForm.plain(f.growthRate()), (f.rank() != null) ? String.valueOf(f.rank()) : null,
				FigureForm.plain(f.taskShare()), f.source());
	}

	/** How many figures the letter holds. */
	public int figureCount() {
		return SectionForm.figureCount(this.sections);
	}

	/** The form without the figure rows and sections the official emptied. */
	ImportForm withoutBlanks() {
		List<SectionForm> kept = this.sections.stream()
			.map((s) -> s.withFigures(s.figures().stream().filter((f) -> !f.isBlank()).toList()))
			.filter((s) -> !s.isBlank())
			.toList();
		return new ImportForm(this.sessionId, this.number, this.title, this.leadDeputy, this.citedSession,
				this.indexNumber, this.writtenDate, this.disclosureMode, this.disclosureReason, this.catalogCategory,
				this.addressee, this.opening, this.closing, this.issuer, this.signedDate, this.resultClass, kept,
				this.source, this.sourceName, this.originalText);
	}

	/** The rule across sections: no more figures than a letter holds. */
	void check(BindingResult errors) {
		if (figureCount() > LetterLimits.FIGURES) {
			errors.addError(new FieldError(errors.getObjectName(), "sections", null, false,
					errors.resolveMessageCodes("drafting.validation.tooManyFigures", "sections"),
					new Object[] { LetterLimits.FIGURES }, null));
		}
	}

	/** Only for a form without blanks that passed validation and {@link #check}. */
	ImportCommand toCommand() {
		LetterContent content = new LetterContent(this.writtenDate, this.signedDate, this.disclosureMode,
				blankToNull(this.disclosureReason), this.catalogCategory,
				(blankToNull(this.addressee) != null) ? this.addressee.strip() + "：" : null, blankToNull(this.opening),
				blankToNull(this.closing), blankToNull(this.issuer), this.resultClass,
				this.sections.stream().map(SectionForm::content).toList());
		return new ImportCommand(this.sessionId, this.number, this.title, this.leadDeputy,
				blankToNull(this.indexNumber), (this.source == ImportSource.TXT || this.source == ImportSource.DOCX)
						? this.source : ImportSource.PASTE,
				blankToNull(this.sourceName), content);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
