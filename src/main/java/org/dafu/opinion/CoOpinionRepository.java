package org.dafu.opinion;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CoOpinionRepository extends JpaRepository<CoOpinion, Long> {

	Optional<CoOpinion> findByProposalIdAndUnitId(Long proposalId, Long unitId);

	/** The opinion's row locked until the transaction ends: its steps run one by one. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from CoOpinion o where o.proposalId = :proposalId and o.unitId = :unitId")
	Optional<CoOpinion> lockByProposalIdAndUnitId(Long proposalId, Long unitId);

	List<CoOpinion> findByProposalIdOrderByIdAsc(Long proposalId);

}
