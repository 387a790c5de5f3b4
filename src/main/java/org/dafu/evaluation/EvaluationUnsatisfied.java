package org.dafu.evaluation;

import java.time.LocalDate;

/**
 * Published when a rating newly contains 不满意, so notifications can tell the unit and the
 * coordinators. {@code rehandlingDeadline} is set when this rating sent the proposal back
 * for re-handling.
 */
public record EvaluationUnsatisfied(long proposalId, long replyId, long unitId, boolean resultUnsatisfied,
		LocalDate rehandlingDeadline) {

}
