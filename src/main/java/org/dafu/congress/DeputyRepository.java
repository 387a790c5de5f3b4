package org.dafu.congress;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeputyRepository extends JpaRepository<Deputy, Long> {

	Optional<Deputy> findFirstByName(String name);

	List<Deputy> findAllByOrderByNameAsc();

	Page<Deputy> findByNameContainingOrderByNameAscIdAsc(String name, Pageable pageable);

}
