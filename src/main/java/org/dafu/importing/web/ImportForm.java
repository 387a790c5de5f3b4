package org.dafu.importing.web;

import org.dafu.importing.ImportCommand;
import org.dafu.importing.ImportSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

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

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The import preview as an editable form. It is the whole state between preview and
 * confirm: nothing is kept on the server, so nothing is written or left behind before the
 * official confirms. The unit is never part of it (it is the signed-in official's). A
 * section left with neither heading nor text, a figure row left without subject and
 * value, and the missing entries of a list posted with gaps in its indexes, are dropped.
 */
public record ImportForm(@NotNull Long sessionId, @NotNull @Positive @Max(999_999) Integer number,
		@Size(max = 300) String title, @Size(max = 50) String leadDeputy, @Size(max = 100) String citedSession,
		@Size(max = 60) @Pattern(regexp = "^$|^[0-9A-Z]{6,30}/[0-9]{4}-[0-9]{1,10}$") String indexNumber,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate writtenDate, @NotNull DisclosureMode disclosureMode,
		@Size(max = 500) String disclosureReason, @Size(max = 50) String catalogCategory,
		@Size(max = 190) String addressee, @Size(max = 20_000) String opening, @Size(max = 5_000) String closing,
		@Size(max = 100) String issuer, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedDate,
		ResultClass resultClass, @Valid @Size(max = 60) List<SectionForm> sections,
		@Valid @Size(max = 250) List<FigureForm> figures, ImportSource source, @Size(max = 255) String sourceName,
		@Size(max = 2_100_000) String originalText) {

	public ImportForm {
		// a list posted with gaps in its indexes (sections[1] without sections[0]) binds
		// with null entries: they are dropped, as the reply editor's form does
		sections = (sections != null) ? sections.stream().filter((s) -> s != null).toList() : List.of();
		figures = (figures != null) ? figures.stream().filter((f) -> f != null).toList() : List.of();
	}

	/** A form showing everything the parser found, with the session matched by name. */
	static ImportForm of(ParsedLetter letter, Long sessionId, ImportSource source, String sourceName, String text) {
		List<SectionForm> sections = letter.sections().stream().map(SectionForm::of).toList();
		List<FigureForm> figures = letter.figures().stream().map(FigureForm::of).toList();
		DisclosureMode mode = DisclosureMode.fromChinese(letter.metadata().disclosureMode());
		return new ImportForm(sessionId, letter.proposal().number(), letter.proposal().title(),
				leadDeputyOf(letter.addressee()), letter.proposal().session(), letter.metadata().indexNumber(),
				letter.metadata().writtenDate(), (mode != null) ? mode : DisclosureMode.PROACTIVE, null,
				letter.metadata().catalogCategory(), letter.addressee(), letter.opening(), letter.closing(),
				letter.issuer(), letter.signedDate(), null, sections, figures, source, sourceName, text);
	}

	/** 朱伟正等代表 names 朱伟正 as the lead deputy. */
	static String leadDeputyOf(String addressee) {
		if (addressee == null) {
			return null;
		}
		String name = addressee.replaceAll("(?:等)?(?:代表|委员|同志)(?:们)?$", "").strip();
		return (name.isEmpty() || name.length() > 50) ? null : name;
	}

	ImportCommand toCommand() {
		List<SectionForm> kept = this.sections.stream().filter((s) -> !s.isBlank()).toList();
		List<List<FigureContent>> figuresBySection = new ArrayList<>();
		kept.forEach((s) -> figuresBySection.add(new ArrayList<>()));
		for (FigureForm figure : this.figures) {
			if (!figure.isBlank() && !kept.isEmpty()) {
				figuresBySection.get(indexOf(kept, figure.section())).add(figure.toContent());
			}
		}
		List<SectionContent> sectionContents = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			SectionForm s = kept.get(i);
			sectionContents.add(new SectionContent(s.kind(), s.heading(), s.text(), figuresBySection.get(i)));
		}
		LetterContent content = new LetterContent(this.writtenDate, this.signedDate, this.disclosureMode,
				blankToNull(this.disclosureReason), this.catalogCategory,
				(blankToNull(this.addressee) != null) ? this.addressee.strip() + "：" : null, blankToNull(this.opening),
				blankToNull(this.closing), blankToNull(this.issuer), this.resultClass, sectionContents);
		return new ImportCommand(this.sessionId, this.number, this.title, this.leadDeputy,
				blankToNull(this.indexNumber), (this.source == ImportSource.TXT || this.source == ImportSource.DOCX)
						? this.source : ImportSource.PASTE,
				blankToNull(this.sourceName), content);
	}

	private static int indexOf(List<SectionForm> sections, Integer ordinal) {
		for (int i = 0; i < sections.size(); i++) {
			if (ordinal != null && ordinal.equals(sections.get(i).ordinal())) {
				return i;
			}
		}
		return 0;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** One section: its number as written, kind, heading and text. */
	record SectionForm(@Min(1) @Max(999) Integer ordinal, @NotNull SectionKind kind, @Size(max = 300) String heading,
			@Size(max = 100_000) String text) {

		static SectionForm of(ParsedSection section) {
			return new SectionForm(section.ordinal(), (section.kind() == org.dafu.letter.SectionKind.NEXT_STEPS)
					? SectionKind.NEXT_STEPS : SectionKind.RESPONSE, section.heading(), section.text());
		}

		boolean isBlank() {
			return blankToNull(this.heading) == null && blankToNull(this.text) == null;
		}

		/** The enumerated items of the text (一是…, 二是…), as the preview lists them. */
		public List<String> items() {
			return new ParsedSection((this.ordinal != null) ? this.ordinal : 0, org.dafu.letter.SectionKind.RESPONSE,
					this.heading, this.text)
				.items();
		}

	}

	/** One figure as the parser found it, every part editable. */
	record FigureForm(Integer section, @Size(max = 200) String subject,
			@Digits(integer = 16, fraction = 4) BigDecimal value, @Size(max = 20) String unit, FigureKind kind,
			@Size(max = 20) String comparator, @Size(max = 50) String period,
			@Min(1949) @Max(2200) Integer deadlineYear, @Size(max = 50) String region,
			@Digits(integer = 8, fraction = 2) BigDecimal growthRate, @Size(max = 50) String rank,
			@Digits(integer = 8, fraction = 2) BigDecimal taskShare, @Size(max = 2_000) String source) {

		static FigureForm of(ParsedFigure f) {
			return new FigureForm(f.section(), f.subject(), f.value(), f.unit(),
					(f.kind() == org.dafu.letter.FigureKind.TARGET) ? FigureKind.TARGET : FigureKind.ACHIEVEMENT,
					f.comparator(), f.period(), f.deadlineYear(), f.region(), f.growthRate(),
					(f.rank() != null) ? String.valueOf(f.rank()) : null, f.taskShare(), f.source());
		}

		boolean isBlank() {
			return blankToNull(this.subject) == null && this.value == null;
		}

		/** A kept figure measures something, has a value and a kind. */
		@AssertTrue
		public boolean isComplete() {
			return isBlank() || (blankToNull(this.subject) != null && this.value != null && this.kind != null);
		}

		FigureContent toContent() {
			return new FigureContent(this.subject, this.value, (this.unit != null) ? this.unit : "", this.kind,
					blankToNull(this.comparator), blankToNull(this.period), this.deadlineYear, blankToNull(this.region),
					this.growthRate, blankToNull(this.rank), this.taskShare, blankToNull(this.source));
		}

	}

}
