package org.dafu.reply;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReplyRepository extends JpaRepository<Reply, Long> {

	/**
	 * The reply with its sections, in one statement. Written out in JPQL (not derived
	 * with an entity graph): a derived query is built as a criteria query on every call,
	 * which Hibernate translates to SQL again every time; a JPQL string's translation is
	 * cached. Drafts are saved and reply pages read through it.
	 */
	@Query("select r from Reply r left join fetch r.sections where r.id = :id")
	Optional<Reply> findWithSectionsById(Long id);

	/**
	 * Locks the reply's row until the transaction ends, so that changes of one reply run
	 * one after the other: the later one then sees the new version and is refused,
	 * instead of both rewriting the sections at once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reply r where r.id = :id")
	Optional<Reply> lockById(Long id);

	Optional<Reply> findByIndexNumber(String indexNumber);

	List<Reply> findByProposalIdOrderByIdAsc(Long proposalId);

	boolean existsByIndexNumber(String indexNumber);

	Optional<Reply> findByFormToken(UUID formToken);

}
