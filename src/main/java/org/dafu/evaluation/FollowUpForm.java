package org.dafu.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dafu.reply.ResultClass;

/** The unit's follow-up or re-handling reply, as posted. */
record FollowUpForm(@Size(max = 2000) String opening, @NotBlank @Size(max = 300) String heading,
		@NotBlank @Size(max = 20000) String body, @NotNull ResultClass resultClass) {

	static FollowUpForm empty() {
		return new FollowUpForm("", "", "", null);
	}

	FollowUpService.LetterText text() {
		return new FollowUpService.LetterText(this.opening, this.heading.strip(), this.body, this.resultClass);
	}

}
