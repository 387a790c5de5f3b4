package org.dafu.reply;

import java.time.Instant;

/** A row of a reply list. */
public record ReplySummary(Long id, String indexNumber, String proposalTitle, int proposalNumber, String sessionName,
		String unitName, ResultClass resultClass, DisclosureMode disclosureMode, ReplyStatus status, Instant issuedAt) {

}
