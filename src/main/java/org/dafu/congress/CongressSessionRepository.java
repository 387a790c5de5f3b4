package org.dafu.congress;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CongressSessionRepository extends JpaRepository<CongressSession, Long> {

	Optional<CongressSession> findByName(String name);

	List<CongressSession> findAllByOrderByYearDescIdDesc();

	Optional<CongressSession> findByBodyTypeAndLevelAndTermAndSessionNumber(BodyType bodyType, CongressLevel level,
			int term, int sessionNumber);

}
