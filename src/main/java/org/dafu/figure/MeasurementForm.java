package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What an official posts to record a measurement: no figure, unit or author fields. */
public record MeasurementForm(
		@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredOn,
		@NotNull @Digits(integer = 16, fraction = 4) BigDecimal value, @Size(max = 500) String note) {

}
