package org.dafu.reply;

import java.time.LocalDate;

/**
 * A reply as a link in lists of other features (sessions, units, deputies), read through
 * {@link ReplyRowReads}: {@code date} is the reply's date ({@link ReplyReads#dateOf}).
 */
public record ReplyRow(long id, long proposalId, String indexNumber, String kind, String status, String resultClass,
		String disclosureMode, LocalDate date, int proposalNumber, String proposalTitle, long sessionId,
		String sessionName, long unitId, String unitName) {

	public boolean isDraft() {
		return !ReplyStatus.ISSUED.name().equals(this.status);
	}

	public boolean isPublic() {
		return ReplyReads.isPublic(ReplyStatus.valueOf(this.status), DisclosureMode.valueOf(this.disclosureMode));
	}

}
