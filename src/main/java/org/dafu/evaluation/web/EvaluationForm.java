package org.dafu.evaluation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;

/**
 * A deputy's rating as posted: no ids, no owner, only what they say; {@code confirmed}
 * once they confirmed that a 不满意 result sends the proposal back for re-handling.
 */
record EvaluationForm(@NotNull Rating attitude, @NotNull Rating result, @Size(max = 2000) String comment,
		Boolean confirmed) {

	boolean isConfirmed() {
		return Boolean.TRUE.equals(this.confirmed);
	}

	RateCommand command() {
		return new RateCommand(this.attitude, this.result, this.comment);
	}

}
