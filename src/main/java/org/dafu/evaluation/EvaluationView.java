package org.dafu.evaluation;

import java.time.Instant;

/** A rating as pages and other features see it. */
public record EvaluationView(Long id, Long replyId, Long deputyId, Rating attitude, Rating result, String comment,
		Instant createdAt, Instant updatedAt, int version) {

}
