package org.dafu.evaluation.web;

import org.dafu.evaluation.FollowUpService;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dafu.reply.ResultClass;

/**
 * The unit's follow-up or re-handling reply, as posted, with the one-time token the form
 * was rendered with: the same form sent twice issues one reply.
 */
record FollowUpForm(@Size(max = 2000) String opening, @NotBlank @Size(max = 300) String heading,
		@NotBlank @Size(max = 20000) String body, @NotNull ResultClass resultClass,
		@NotBlank(message = "{evaluation.form.token}") @Pattern(regexp = TOKEN,
				message = "{evaluation.form.token}") String formToken) {

	static final String TOKEN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	static FollowUpForm empty() {
		return new FollowUpForm("", "", "", null, UUID.randomUUID().toString());
	}

	FollowUpService.LetterText text() {
		return new FollowUpService.LetterText(this.opening, this.heading.strip(), this.body, this.resultClass);
	}

	UUID token() {
		return UUID.fromString(this.formToken);
	}

}
