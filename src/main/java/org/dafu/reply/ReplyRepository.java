package org.dafu.reply;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReplyRepository extends JpaRepository<Reply, Long> {

	@EntityGraph(attributePaths = "sections")
	Optional<Reply> findWithSectionsById(Long id);

	Optional<Reply> findByIndexNumber(String indexNumber);

	List<Reply> findByProposalIdOrderByIdAsc(Long proposalId);

	boolean existsByIndexNumber(String indexNumber);

}
