package org.dafu.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

	Optional<Evaluation> findByReplyIdAndDeputyId(Long replyId, Long deputyId);

	List<Evaluation> findByReplyIdIn(Collection<Long> replyIds);

}
