package org.dafu.reply.form;

import org.dafu.platform.web.forms.Texts;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.reply.LetterLimits;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;

/**
 * One section as a form posts it: a response section (专题) or the next steps, with its
 * figures. The heading may be left empty (the column takes an empty heading, and imported
 * letters often number their parts without one).
 */
public record SectionForm(
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = "RESPONSE|NEXT_STEPS",
				message = "{drafting.validation.choice}") String kind,
		@Size(max = LetterLimits.HEADING, message = "{drafting.validation.tooLong}") String heading,
		@Size(max = LetterLimits.BODY, message = "{drafting.validation.tooLong}") String body,
		@Valid @Size(max = LetterLimits.FIGURES_PER_SECTION,
				message = "{drafting.validation.tooMany}") List<FigureForm> figures) {

	public SectionForm {
		kind = Texts.trim(kind);
		heading = Texts.trim(heading);
		body = Texts.keep(body);
		figures = (figures != null) ? figures.stream().filter((f) -> f != null).toList() : List.of();
	}

	public static SectionForm empty(SectionKind kind) {
		return new SectionForm(kind.name(), "", "", List.of());
	}

	public static SectionForm of(SectionContent s) {
		return new SectionForm(s.kind().name(), s.heading(), s.body(),
				s.figures().stream().map(FigureForm::of).toList());
	}

	/** Neither heading nor text, nor a figure that is not blank. */
	public boolean isBlank() {
		return this.heading.isBlank() && this.body.isBlank() && this.figures.stream().allMatch(FigureForm::isBlank);
	}

	public SectionForm withFigures(List<FigureForm> changed) {
		return new SectionForm(this.kind, this.heading, this.body, changed);
	}

	public SectionForm addFigure() {
		List<FigureForm> changed = new ArrayList<>(this.figures);
		changed.add(FigureForm.empty());
		return withFigures(changed);
	}

	public SectionForm removeFigure(int index) {
		List<FigureForm> changed = new ArrayList<>(this.figures);
		if (index >= 0 && index < changed.size()) {
			changed.remove(index);
		}
		return withFigures(changed);
	}

	/** Only for a form that passed validation. */
	public SectionContent content() {
		return new SectionContent(SectionKind.valueOf(this.kind), this.heading, this.body,
				this.figures.stream().map(FigureForm::content).toList());
	}

	/** How many figures these sections hold together. */
	public static int figureCount(List<SectionForm> sections) {
		return sections.stream().mapToInt((s) -> s.figures().size()).sum();
	}

}
