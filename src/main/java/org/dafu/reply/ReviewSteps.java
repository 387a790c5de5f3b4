package org.dafu.reply;

import java.time.Instant;
import java.util.List;

import org.dafu.platform.IllegalTransitionException;

/**
 * The review of a reply inside its unit (审核与签发), for {@link Reply}: from which status
 * each {@link ReviewStep} may be taken, the status it leads to, and the trail of steps it
 * leaves ({@link ReplyReviewStep}: who, when, on which version of the draft).
 */
final class ReviewSteps {

	private ReviewSteps() {
	}

	/**
	 * The status a reply in {@code status} reaches by {@code step}.
	 * @throws IllegalTransitionException when the step cannot be taken from there
	 */
	static ReplyStatus next(ReplyStatus status, ReviewStep step) {
		ReplyStatus from = (step == ReviewStep.SUBMITTED) ? ReplyStatus.DRAFT : ReplyStatus.SUBMITTED;
		ReplyStatus to = switch (step) {
			case SUBMITTED -> ReplyStatus.SUBMITTED;
			case RECALLED, RETURNED -> ReplyStatus.DRAFT;
			case ISSUED -> ReplyStatus.ISSUED;
		};
		if (status != from) {
			throw new IllegalTransitionException("reply", status, to);
		}
		return to;
	}

	/**
	 * Takes a step: checks it may be taken, records it on the reply's trail and returns
	 * the status it leads to.
	 */
	static ReplyStatus take(Reply reply, List<ReplyReviewStep> trail, ReviewStep step, String actor, String comment,
			Instant at) {
		ReplyStatus to = next(reply.getStatus(), step);
		record(reply, trail, step, actor, comment, at);
		return to;
	}

	/** Records a step already taken on the reply's trail. */
	static void record(Reply reply, List<ReplyReviewStep> trail, ReviewStep step, String actor, String comment,
			Instant at) {
		trail.add(new ReplyReviewStep(reply, step, actor, comment, reply.getVersion(), at));
	}

}
