package org.dafu.proposal;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryReaders;
import org.springframework.stereotype.Component;

/**
 * A proposal's history: coordinators, and officials of a unit the proposal is assigned
 * to.
 */
@Component
public class ProposalHistoryReaders implements HistoryReaders {

	/** The history type under which proposal changes are recorded. */
	public static final String TYPE = "proposal";

	private final ProposalService proposals;

	ProposalHistoryReaders(ProposalService proposals) {
		this.proposals = proposals;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public boolean maySee(Viewer viewer, long id) {
		if (viewer.isCoordinator()) {
			return true;
		}
		return viewer.isOfficial() && this.proposals.proposal(id)
			.assignments()
			.stream()
			.anyMatch((a) -> viewer.unitId().equals(a.unitId()));
	}

}
