package org.dafu.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProposalRepository extends JpaRepository<Proposal, Long> {

	Optional<Proposal> findBySessionIdAndNumber(Long sessionId, int number);

	List<Proposal> findBySessionIdOrderByNumberAsc(Long sessionId);

	@Query("select p from Proposal p where p.leadDeputyId = :deputyId or :deputyId member of p.cosignerIds order by p.id desc")
	List<Proposal> findLedOrCosignedBy(Long deputyId);

	@Query("select coalesce(max(p.number), 0) from Proposal p where p.sessionId = :sessionId")
	int maxNumber(Long sessionId);

	@Query(value = "select id from proposal where id = :id for no key update", nativeQuery = true)
	List<Long> lockForNoKeyUpdate(long id);

}
