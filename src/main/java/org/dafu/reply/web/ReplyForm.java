package org.dafu.reply.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.platform.web.forms.Texts;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyView;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionKind;
import org.dafu.reply.form.SectionForm;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The reply editor's form: the whole letter with the version it was loaded at. Ids,
 * states, units and 索引号 are not part of it, so they cannot be posted in. Every field is
 * text as typed; {@link #check} adds the rules that span fields, {@link #content} reads a
 * valid form into the letter.
 */
record ReplyForm(
		@NotBlank(message = "{drafting.validation.version}") @Pattern(regexp = "[0-9]{1,9}",
				message = "{drafting.validation.version}") String version,
		@Pattern(regexp = "|" + DATE, message = "{drafting.validation.date}") String writtenOn,
		@Pattern(regexp = "|" + DATE, message = "{drafting.validation.date}") String signedOn,
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = "PROACTIVE|ON_REQUEST|NOT_PUBLIC",
				message = "{drafting.validation.choice}") String disclosureMode,
		@Size(max = LetterLimits.DISCLOSURE_REASON, message = "{drafting.validation.tooLong}") String disclosureReason,
		@Size(max = LetterLimits.CATALOG_CATEGORY, message = "{drafting.validation.tooLong}") String catalogCategory,
		@Size(max = LetterLimits.ADDRESSEE, message = "{drafting.validation.tooLong}") String addressee,
		@Size(max = LetterLimits.OPENING, message = "{drafting.validation.tooLong}") String opening,
		@Size(max = LetterLimits.CLOSING, message = "{drafting.validation.tooLong}") String closing,
		@Size(max = LetterLimits.ISSUER, message = "{drafting.validation.tooLong}") String issuer,
		@Pattern(regexp = "|A|B|C|D", message = "{drafting.validation.choice}") String resultClass,
		@Valid @Size(max = LetterLimits.SECTIONS,
				message = "{drafting.validation.tooMany}") List<SectionForm> sections) {

	static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

	ReplyForm {
		version = Texts.trim(version);
		writtenOn = Texts.trim(writtenOn);
		signedOn = Texts.trim(signedOn);
		disclosureMode = Texts.trim(disclosureMode);
		disclosureReason = Texts.trim(disclosureReason);
		catalogCategory = Texts.trim(catalogCategory);
		addressee = Texts.trim(addressee);
		opening = Texts.keep(opening);
		closing = Texts.keep(closing);
		issuer = Texts.trim(issuer);
		resultClass = Texts.trim(resultClass);
		sections = (sections != null) ? sections.stream().filter((s) -> s != null).toList() : List.of();
	}

	static ReplyForm of(ReplyView reply) {
		LetterContent c = reply.content();
		return new ReplyForm(Integer.toString(reply.version()), date(c.writtenOn()), date(c.signedOn()),
				c.disclosureMode().name(), c.disclosureReason(), c.catalogCategory(), c.addressee(), c.opening(),
				c.closing(), c.issuer(), (c.resultClass() != null) ? c.resultClass().name() : "",
				c.sections().stream().map(SectionForm::of).toList());
	}

	int versionNumber() {
		return Integer.parseInt(this.version);
	}

	/**
	 * Rules across fields: a reply that is not 主动公开 states why; dates are real dates; the
	 * letter holds no more figures than {@link LetterLimits#FIGURES}.
	 */
	void check(BindingResult errors) {
		if (!this.disclosureMode.isEmpty() && !DisclosureMode.PROACTIVE.name().equals(this.disclosureMode)
				&& this.disclosureReason.isEmpty()) {
			reject(errors, "disclosureReason", this.disclosureReason, "drafting.validation.reasonRequired");
		}
		checkDate(errors, "writtenOn", this.writtenOn);
		checkDate(errors, "signedOn", this.signedOn);
		if (SectionForm.figureCount(this.sections) > LetterLimits.FIGURES && !errors.hasFieldErrors("sections")) {
			errors.addError(new FieldError(errors.getObjectName(), "sections", null, false,
					errors.resolveMessageCodes("drafting.validation.tooManyFigures", "sections"),
					new Object[] { LetterLimits.FIGURES }, null));
		}
	}

	private static void checkDate(BindingResult errors, String field, String value) {
		if (value.matches(DATE) && !errors.hasFieldErrors(field)) {
			try {
				LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				reject(errors, field, value, "drafting.validation.date");
			}
		}
	}

	static void reject(BindingResult errors, String field, Object value, String code) {
		errors.addError(new FieldError(errors.getObjectName(), field, value, false,
				errors.resolveMessageCodes(code, field), null, null));
	}

	/** Only for a form that passed validation and {@link #check}. */
	LetterContent content() {
		return new LetterContent(parse(this.writtenOn), parse(this.signedOn),
				DisclosureMode.valueOf(this.disclosureMode), Texts.orNull(this.disclosureReason), this.catalogCategory,
				Texts.orNull(this.addressee), Texts.orNull(this.opening), Texts.orNull(this.closing),
				Texts.orNull(this.issuer), this.resultClass.isEmpty() ? null : ResultClass.valueOf(this.resultClass),
				this.sections.stream().map(SectionForm::content).toList());
	}

	ReplyForm addSection(SectionKind kind) {
		List<SectionForm> changed = new ArrayList<>(this.sections);
		changed.add(SectionForm.empty(kind));
		return withSections(changed);
	}

	ReplyForm removeSection(int index) {
		List<SectionForm> changed = new ArrayList<>(this.sections);
		if (inRange(index)) {
			changed.remove(index);
		}
		return withSections(changed);
	}

	/** Moves a section one place up (delta -1) or down (delta +1). */
	ReplyForm moveSection(int index, int delta) {
		List<SectionForm> changed = new ArrayList<>(this.sections);
		if (inRange(index) && inRange(index + delta)) {
			Collections.swap(changed, index, index + delta);
		}
		return withSections(changed);
	}

	ReplyForm changeSection(int index, UnaryOperator<SectionForm> change) {
		List<SectionForm> changed = new ArrayList<>(this.sections);
		if (inRange(index)) {
			changed.set(index, change.apply(changed.get(index)));
		}
		return withSections(changed);
	}

	private boolean inRange(int index) {
		return index >= 0 && index < this.sections.size();
	}

	/**
	 * The form with 称谓 and 开头 filled in where they are blank (what was typed is kept).
	 */
	ReplyForm withGreeting(String addressee, String opening) {
		return new ReplyForm(this.version, this.writtenOn, this.signedOn, this.disclosureMode, this.disclosureReason,
				this.catalogCategory, this.addressee.isBlank() ? addressee : this.addressee,
				this.opening.isBlank() ? opening : this.opening, this.closing, this.issuer, this.resultClass,
				this.sections);
	}

	private ReplyForm withSections(List<SectionForm> changed) {
		return new ReplyForm(this.version, this.writtenOn, this.signedOn, this.disclosureMode, this.disclosureReason,
				this.catalogCategory, this.addressee, this.opening, this.closing, this.issuer, this.resultClass,
				changed);
	}

	private static LocalDate parse(String date) {
		return date.isEmpty() ? null : LocalDate.parse(date);
	}

	private static String date(LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

}
