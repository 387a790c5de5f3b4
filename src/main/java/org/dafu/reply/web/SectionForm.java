package org.dafu.reply.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.platform.web.forms.Texts;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;

/** One section as the editor posts it: a response section (专题) or the next steps. */
record SectionForm(
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = "RESPONSE|NEXT_STEPS",
				message = "{drafting.validation.choice}") String kind,
		@NotBlank(message = "{drafting.validation.required}") @Size(max = 300,
				message = "{drafting.validation.tooLong}") String heading,
		@Size(max = 20000, message = "{drafting.validation.tooLong}") String body,
		@Valid @Size(max = 60, message = "{drafting.validation.tooMany}") List<FigureForm> figures) {

	SectionForm {
		kind = Texts.trim(kind);
		heading = Texts.trim(heading);
		body = Texts.keep(body);
		figures = (figures != null) ? figures.stream().filter((f) -> f != null).toList() : List.of();
	}

	static SectionForm empty(SectionKind kind) {
		return new SectionForm(kind.name(), "", "", List.of());
	}

	static SectionForm of(SectionContent s) {
		return new SectionForm(s.kind().name(), s.heading(), s.body(),
				s.figures().stream().map(FigureForm::of).toList());
	}

	SectionForm withFigures(List<FigureForm> changed) {
		return new SectionForm(this.kind, this.heading, this.body, changed);
	}

	SectionForm addFigure() {
		List<FigureForm> changed = new ArrayList<>(this.figures);
		changed.add(FigureForm.empty());
		return withFigures(changed);
	}

	SectionForm removeFigure(int index) {
		List<FigureForm> changed = new ArrayList<>(this.figures);
		if (index >= 0 && index < changed.size()) {
			changed.remove(index);
		}
		return withFigures(changed);
	}

	/** Only for a form that passed validation. */
	SectionContent content() {
		return new SectionContent(SectionKind.valueOf(this.kind), this.heading, this.body,
				this.figures.stream().map(FigureForm::content).toList());
	}

}
