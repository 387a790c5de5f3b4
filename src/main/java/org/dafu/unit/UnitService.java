package org.dafu.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.platform.web.NotFoundException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
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

	/**
	 * A new unit.
	 * @throws UnitRefusedException when another unit has the name or the code, or either
	 * is malformed
	 */
	@Transactional
	public UnitView create(String name, String orgCode) {
		checkUnique(null, name, orgCode);
		return UnitView.of(this.units.save(new HandlingUnit(name, orgCode)));
	}

	/** Name and organisation code are each one unit's (the schema holds it too). */
	private void checkUnique(Long id, String name, String orgCode) {
		Map<String, String> taken = new LinkedHashMap<>();
		if (name != null && this.units.findByName(name.strip()).filter((u) -> !u.getId().equals(id)).isPresent()) {
			taken.put("name", "coordination.unit.duplicateName");
		}
		if (orgCode != null && this.units.findByOrgCode(orgCode).filter((u) -> !u.getId().equals(id)).isPresent()) {
			taken.put("orgCode", "coordination.unit.duplicateCode");
		}
		if (!taken.isEmpty()) {
			throw new UnitRefusedException(taken);
		}
	}

	public Optional<UnitView> findUnit(long id) {
		return this.units.findById(id).map(UnitView::of);
	}

	/**
	 * Changes a unit's name and organisation code, refused with an optimistic locking
	 * failure when it changed since the editor loaded {@code expectedVersion}, and with a
	 * {@link UnitRefusedException} as {@link #create} is.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public UnitView update(long id, int expectedVersion, String name, String orgCode) {
		HandlingUnit unit = this.units.findById(id).orElseThrow(() -> new NotFoundException("unit", id));
		if (unit.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(HandlingUnit.class, id);
		}
		checkUnique(id, name, orgCode);
		unit.redefine(name, orgCode);
		this.units.flush();
		return UnitView.of(unit);
	}

	/** An inactive unit keeps its assignments and replies but gets no new assignments. */
	@PreAuthorize("hasRole('COORDINATOR')")
	@Transactional
	public void setActive(long id, boolean active) {
		HandlingUnit unit = this.units.findById(id).orElseThrow(() -> new NotFoundException("unit", id));
		if (active) {
			unit.activate();
		}
		else {
			unit.deactivate();
		}
	}

}
