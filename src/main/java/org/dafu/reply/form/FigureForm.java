package org.dafu.reply.form;

import org.dafu.platform.web.forms.Texts;
import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterLimits;

/**
 * One figure of a section as a form posts it. Numbers travel as text and are read as
 * exact decimals, so that a typo is a message, not a lost form.
 */
public record FigureForm(
		@NotBlank(message = "{drafting.validation.required}") @Size(max = LetterLimits.SUBJECT,
				message = "{drafting.validation.tooLong}") String subject,
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = DECIMAL,
				message = "{drafting.validation.decimal}") String value,
		@Size(max = LetterLimits.UNIT, message = "{drafting.validation.tooLong}") String unit,
		@NotBlank(message = "{drafting.validation.required}") @Pattern(regexp = "TARGET|ACHIEVEMENT",
				message = "{drafting.validation.choice}") String kind,
		@Size(max = LetterLimits.COMPARATOR, message = "{drafting.validation.tooLong}") String comparator,
		@Size(max = LetterLimits.PERIOD, message = "{drafting.validation.tooLong}") String period,
		@Pattern(regexp = "|19[4-9][0-9]|2[01][0-9][0-9]|2200",
				message = "{drafting.validation.year}") String deadlineYear,
		@Size(max = LetterLimits.REGION, message = "{drafting.validation.tooLong}") String region,
		@Pattern(regexp = "|" + RATE, message = "{drafting.validation.rate}") String growthRate,
		@Size(max = LetterLimits.RANK, message = "{drafting.validation.tooLong}") String rank,
		@Pattern(regexp = "|" + RATE, message = "{drafting.validation.rate}") String taskShare,
		@Size(max = LetterLimits.SOURCE_SENTENCE, message = "{drafting.validation.tooLong}") String sourceSentence) {

	/** numeric(20, 4): up to 16 digits before the point and 4 after. */
	public static final String DECIMAL = "-?[0-9]{1," + LetterLimits.VALUE_INTEGER_DIGITS + "}(\\.[0-9]{1,"
			+ LetterLimits.VALUE_FRACTION_DIGITS + "})?";

	/** numeric(10, 2), for growth rates and shares of a yearly task (in %). */
	public static final String RATE = "-?[0-9]{1," + LetterLimits.RATE_INTEGER_DIGITS + "}(\\.[0-9]{1,"
			+ LetterLimits.RATE_FRACTION_DIGITS + "})?";

	public FigureForm {
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

	public static FigureForm empty() {
		return new FigureForm("", "", "", FigureKind.TARGET.name(), "", "", "", "", "", "", "", "");
	}

	public static FigureForm of(FigureContent f) {
		return new FigureForm(f.subject(), plain(f.value()), f.unit(), f.kind().name(), f.comparator(), f.period(),
				(f.deadlineYear() != null) ? f.deadlineYear().toString() : "", f.region(), plain(f.growthRate()),
				f.rank(), plain(f.taskShare()), f.sourceSentence());
	}

	/** Neither subject nor value: a row left empty, or emptied to remove it. */
	public boolean isBlank() {
		return this.subject.isEmpty() && this.value.isEmpty();
	}

	/** Only for a form that passed validation. */
	public FigureContent content() {
		return new FigureContent(this.subject, new BigDecimal(this.value), this.unit, FigureKind.valueOf(this.kind),
				Texts.orNull(this.comparator), Texts.orNull(this.period),
				this.deadlineYear.isEmpty() ? null : Integer.valueOf(this.deadlineYear), Texts.orNull(this.region),
				decimal(this.growthRate), Texts.orNull(this.rank), decimal(this.taskShare),
				Texts.orNull(this.sourceSentence));
	}

	/** A number as the form shows it: without trailing zeros, empty when absent. */
	public static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "";
	}

	private static BigDecimal decimal(String text) {
		return text.isEmpty() ? null : new BigDecimal(text);
	}

}
