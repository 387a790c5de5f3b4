package org.dafu.congress.web;

import org.dafu.platform.web.forms.Texts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.congress.DeputyView;

/** A deputy's name and delegation (代表团); {@code version} is the one loaded. */
record DeputyForm(@NotBlank @Size(max = 50) @Pattern(regexp = Texts.LINE) String name,
		@Size(max = 100) @Pattern(regexp = Texts.LINE) String delegation, Integer version) {

	static DeputyForm empty() {
		return new DeputyForm(null, null, null);
	}

	static DeputyForm of(DeputyView d) {
		return new DeputyForm(d.name(), d.delegation(), d.version());
	}

}
