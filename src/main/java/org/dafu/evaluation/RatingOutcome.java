package org.dafu.evaluation;

import java.time.LocalDate;

/**
 * What a rating did: whether it replaced an earlier one, and the re-handling deadline if
 * it sent the proposal back.
 */
public record RatingOutcome(boolean replaced, LocalDate rehandlingDeadline) {

	public boolean startedRehandling() {
		return this.rehandlingDeadline != null;
	}

}
