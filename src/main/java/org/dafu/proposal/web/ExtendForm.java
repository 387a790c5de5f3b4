package org.dafu.proposal.web;

import org.dafu.platform.web.forms.Texts;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** 延期: the new deadline and the reason, which is required and kept. */
record ExtendForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline,
		@NotBlank @Size(max = 500) @Pattern(regexp = Texts.LINE) String reason, Integer version) {

}
