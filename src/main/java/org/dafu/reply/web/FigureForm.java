package org.dafu.reply.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.platform.web.forms.Texts;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;

/**
 * One figure of a section as the editor posts it: the fields the importer fills. Numbers
 * travel as text and are read as exact decimals, so that a typo is a message, not a lost
 * form.
 */
record FigureForm(
		@NotBlank(message = "{drafting.validation.required}") @Size(max = 200,
				message = "{drafting.validation.tooLong}") String subject,
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = DECIMAL,
				message = "{drafting.validation.decimal}") String value,
		@Size(max = 20, message = "{drafting.validation.tooLong}") String unit,
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = "TARGET|ACHIEVEMENT",
				message = "{drafting.validation.choice}") String kind,
		@Size(max = 20, message = "{drafting.validation.tooLong}") String comparator,
		@Size(max = 50, message = "{drafting.validation.tooLong}") String period,
		@Pattern(regexp = "|19[4-9][0-9]|2[01][0-9][0-9]|2200",
				message = "{drafting.validation.year}") String deadlineYear,
		@Size(max = 50, message = "{drafting.validation.tooLong}") String region,
		@Pattern(regexp = "|" + RATE, message = "{drafting.validation.rate}") String growthRate,
		@Size(max = 50, message = "{drafting.validation.tooLong}") String rank,
		@Pattern(regexp = "|" + RATE, message = "{drafting.validation.rate}") String taskShare,
		@Size(max = 2000, message = "{drafting.validation.tooLong}") String sourceSentence) {

	/** numeric(20, 4): up to 16 digits before the point and 4 after. */
	static final String DECIMAL = "-?[0-9]{1,16}(\\.[0-9]{1,4})?";

	/** numeric(10, 2), for growth rates and shares of a yearly task (in %). */
	static final String RATE = "-?[0-9]{1,8}(\\.[0-9]{1,2})?";

	FigureForm {
		subject = Texts.trim(subject);
		value = Texts.trim(value);
		unit = Texts.trim(unit);
		kind = Texts.trim(kind);
		comparator = Texts.trim(comparator);
		period = Texts.trim(period);
		deadlineYear = Texts.trim(deadlineYear);
		region = Texts.trim(region);
		growthRate = Texts.trim(growthRate);
		rank = Texts.trim(rank);
		taskShare = Texts.trim(taskShare);
		sourceSentence = Texts.trim(sourceSentence);
	}

	static FigureForm empty() {
		return new FigureForm("", "", "", FigureKind.TARGET.name(), "", "", "", "", "", "", "", "");
	}

	static FigureForm of(FigureContent f) {
		return new FigureForm(f.subject(), f.value().stripTrailingZeros().toPlainString(), f.unit(), f.kind().name(),
				f.comparator(), f.period(), (f.deadlineYear() != null) ? f.deadlineYear().toString() : "", f.region(),
				plain(f.growthRate()), f.rank(), plain(f.taskShare()), f.sourceSentence());
	}

	/** Only for a form that passed validation. */
	FigureContent content() {
		return new FigureContent(this.subject, new BigDecimal(this.value), this.unit, FigureKind.valueOf(this.kind),
				Texts.orNull(this.comparator), Texts.orNull(this.period),
				this.deadlineYear.isEmpty() ? null : Integer.valueOf(this.deadlineYear), Texts.orNull(this.region),
				decimal(this.growthRate), Texts.orNull(this.rank), decimal(this.taskShare),
				Texts.orNull(this.sourceSentence));
	}

	private static BigDecimal decimal(String text) {
		return text.isEmpty() ? null : new BigDecimal(text);
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "";
	}

}
