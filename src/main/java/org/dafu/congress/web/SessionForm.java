package org.dafu.congress.web;

import org.dafu.platform.web.forms.Texts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.SessionView;

/** A session as a coordinator creates or edits it; {@code version} is the one loaded. */
record SessionForm(@NotNull BodyType bodyType, @NotNull CongressLevel level, @NotNull @Min(1) @Max(99) Integer term,
		@NotNull @Min(1) @Max(20) Integer sessionNumber, @NotNull @Min(1949) @Max(2200) Integer year,
		@NotBlank @Size(max = 100) @Pattern(regexp = Texts.LINE) String name, Integer version) {

	static SessionForm empty(int year) {
		return new SessionForm(BodyType.NPC, CongressLevel.CITY, null, null, year, null, null);
	}

	static SessionForm of(SessionView s) {
		return new SessionForm(s.bodyType(), s.level(), s.term(), s.sessionNumber(), s.year(), s.name(), s.version());
	}

}
