package org.dafu.unit.web;

import org.dafu.platform.web.forms.Texts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.unit.UnitView;

/**
 * A handling unit: its name and organisation code, the first part of its 索引号 (6 to 30
 * digits or capital letters, e.g. 11330800002618015K).
 */
record UnitForm(@NotBlank @Size(max = 100) @Pattern(regexp = Texts.LINE) String name,
		@NotBlank @Pattern(regexp = "[0-9A-Z]{6,30}") String orgCode, Integer version) {

	static UnitForm empty() {
		return new UnitForm(null, null, null);
	}

	static UnitForm of(UnitView u) {
		return new UnitForm(u.name(), u.orgCode(), u.version());
	}

}
