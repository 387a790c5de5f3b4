package org.dafu.search;

import java.time.Instant;
import java.time.LocalDate;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyReads;
import org.dafu.reply.ReplyStatus;

/**
 * A reply found, with its title and a passage highlighted when a query was given.
 *
 * @param date the letter's date (signed on, else the day it was issued)
 */
public record SearchHit(long id, String indexNumber, String proposalTitle, int proposalNumber, long sessionId,
		String sessionName, int year, long unitId, String unitName, String topicName, String resultClass, String status,
		String disclosureMode, LocalDate date, Instant issuedAt, Highlight title, Highlight passage) {

	public boolean isDraft() {
		return !"ISSUED".equals(this.status);
	}

	public boolean isPublic() {
		return this.status != null && this.disclosureMode != null
				&& ReplyReads.isPublic(ReplyStatus.valueOf(this.status), DisclosureMode.valueOf(this.disclosureMode));
	}

	/** The stable address by 索引号 (or by id while a draft has none). */
	public String path() {
		return (this.indexNumber != null) ? "/replies/index/" + this.indexNumber : "/replies/" + this.id;
	}

}
