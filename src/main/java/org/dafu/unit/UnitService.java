package org.dafu.unit;

import java.util.List;
import java.util.Optional;

import org.dafu.platform.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UnitService {

	private final HandlingUnitRepository units;

	UnitService(HandlingUnitRepository units) {
		this.units = units;
	}

	public List<UnitView> units() {
		return this.units.findAllByOrderByNameAsc().stream().map(UnitView::of).toList();
	}

	public UnitView unit(long id) {
		return this.units.findById(id).map(UnitView::of).orElseThrow(() -> new NotFoundException("unit", id));
	}

	public Optional<UnitView> unitNamed(String name) {
		return this.units.findByName(name).map(UnitView::of);
	}

	public Optional<UnitView> unitWithCode(String orgCode) {
		return this.units.findByOrgCode(orgCode).map(UnitView::of);
	}

	@Transactional
	public UnitView create(String name, String orgCode) {
		return UnitView.of(this.units.save(new HandlingUnit(name, orgCode)));
	}

}
