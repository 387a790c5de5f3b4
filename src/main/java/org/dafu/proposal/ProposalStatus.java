package org.dafu.proposal;

import java.util.EnumSet;
import java.util.Set;

/** Where a proposal is on its journey: 登记 → 交办 → 答复 → (重新办理) → 办结. */
public enum ProposalStatus {

	REGISTERED, ASSIGNED, REPLIED, REHANDLING, CLOSED;

	public Set<ProposalStatus> next() {
		return switch (this) {
			case REGISTERED -> EnumSet.of(ASSIGNED);
			case ASSIGNED -> EnumSet.of(REPLIED);
			case REPLIED -> EnumSet.of(REHANDLING, CLOSED);
			case REHANDLING -> EnumSet.of(REPLIED);
			case CLOSED -> EnumSet.noneOf(ProposalStatus.class);
		};
	}

	public boolean canMoveTo(ProposalStatus target) {
		return next().contains(target);
	}

	/**
	 * Being handled (交办 or 重新办理): its units owe a reply, and its deadline may be
	 * extended.
	 */
	public boolean isOpen() {
		return this == ASSIGNED || this == REHANDLING;
	}

}
