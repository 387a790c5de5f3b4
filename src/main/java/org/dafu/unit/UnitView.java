package org.dafu.unit;

public record UnitView(Long id, String name, String orgCode, boolean active, int version) {

	static UnitView of(HandlingUnit unit) {
		return new UnitView(unit.getId(), unit.getName(), unit.getOrgCode(), unit.isActive(), unit.getVersion());
	}

}
