package org.dafu.mine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dafu.evaluation.RateCommand;
import org.dafu.evaluation.Rating;

/** A deputy's rating as posted: no ids, no owner, only what they say. */
record EvaluationForm(@NotNull Rating attitude, @NotNull Rating result, @Size(max = 2000) String comment) {

	RateCommand command() {
		return new RateCommand(this.attitude, this.result, this.comment);
	}

}
