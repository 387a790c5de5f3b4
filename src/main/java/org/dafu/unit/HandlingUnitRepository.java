package org.dafu.unit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HandlingUnitRepository extends JpaRepository<HandlingUnit, Long> {

	Optional<HandlingUnit> findByName(String name);

	Optional<HandlingUnit> findByOrgCode(String orgCode);

	List<HandlingUnit> findAllByOrderByNameAsc();

}
