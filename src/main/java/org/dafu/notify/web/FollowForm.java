package org.dafu.notify.web;

import org.dafu.notify.FollowKind;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What to follow, as posted: a proposal id, a unit id or a keyword. */
record FollowForm(@NotNull FollowKind kind, @Positive Long proposalId, @Positive Long unitId,
		@Size(max = 50) String keyword) {

	Long targetId() {
		return switch (this.kind) {
			case PROPOSAL -> this.proposalId;
			case UNIT -> this.unitId;
			case KEYWORD -> null;
		};
	}

	boolean complete() {
		return switch (this.kind) {
			case PROPOSAL -> this.proposalId != null;
			case UNIT -> this.unitId != null;
			case KEYWORD -> this.keyword != null && !this.keyword.isBlank();
		};
	}

}
