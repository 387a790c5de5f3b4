package org.dafu.opinion;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A co-handling opinion as a viewer may see it. Times are Beijing time (Asia/Shanghai).
 *
 * @param version the version the form must send back; null while nothing was written
 * @param body the text, or null where the viewer may follow the opinion but not read it
 * (the lead unit before it is signed)
 * @param due the lead unit's deadline minus the set days
 * @param overdue past {@code due} and outstanding
 * @param outstanding neither signed nor waived: the lead unit cannot issue yet
 * @param steps the recorded steps, oldest first (for the co-unit and coordinators)
 */
public record OpinionView(long proposalId, int proposalNumber, String proposalTitle, long unitId, String unitName,
		OpinionStatus status, Integer version, String body, boolean publish, String signedBy, LocalDateTime signedAt,
		String waivedBy, LocalDateTime waivedAt, String waiverReason, LocalDate leadDeadline, LocalDate due,
		boolean overdue, boolean outstanding, List<StepView> steps) {

	public boolean isDraft() {
		return this.status == OpinionStatus.DRAFT;
	}

	public boolean isSubmitted() {
		return this.status == OpinionStatus.SUBMITTED;
	}

	public boolean isSigned() {
		return this.status == OpinionStatus.SIGNED;
	}

	public boolean isWaived() {
		return this.waivedAt != null;
	}

	/** One recorded step: what, who, when (Beijing time), and its comment. */
	public record StepView(OpinionAction action, String actor, LocalDateTime at, String comment) {
	}

}
