package org.dafu.opinion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dafu.reply.IssueGate;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lead unit does not issue its reply while a co-unit's opinion is outstanding
 * (neither signed nor waived by a coordinator).
 */
@Component
class OpinionGate implements IssueGate {

	private final OpinionService opinions;

	private final MessageSource messages;

	OpinionGate(OpinionService opinions, MessageSource messages) {
		this.opinions = opinions;
		this.messages = messages;
	}

	@Override
	public Optional<String> refusal(long proposalId, Locale locale) {
		List<String> outstanding = this.opinions.outstandingUnits(proposalId);
		if (outstanding.isEmpty()) {
			return Optional.empty();
		}
		String separator = this.messages.getMessage("opinion.gate.separator", null, "、", locale);
		return Optional.of(this.messages.getMessage("opinion.gate.outstanding",
				new Object[] { String.join(separator, outstanding) }, locale));
	}

}
