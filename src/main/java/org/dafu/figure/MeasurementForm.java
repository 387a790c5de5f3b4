package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an official posts to record a measurement: the date it was measured on, the value,
 * the period it covers (1—9月, 2023年), its source (统计公报, a report) and a note; no figure,
 * unit or author fields.
 */
public record MeasurementForm(
		@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredOn,
		@NotNull @Digits(integer = 16, fraction = 4) BigDecimal value, @Size(max = 50) String period,
		@Size(max = 300) String source, @Size(max = 500) String note) {

	public MeasurementForm(LocalDate measuredOn, BigDecimal value, String note) {
		this(measuredOn, value, null, null, note);
	}

}
