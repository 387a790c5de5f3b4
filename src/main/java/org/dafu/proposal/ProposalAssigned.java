package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when a proposal was assigned (交办), so that notifications can tell the units
 * without the proposal knowing who listens.
 */
public record ProposalAssigned(long proposalId, long leadUnitId, List<Long> coUnitIds, LocalDate deadline) {

	public ProposalAssigned {
		coUnitIds = List.copyOf(coUnitIds);
	}

}
