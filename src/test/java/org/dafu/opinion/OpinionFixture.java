package org.dafu.opinion;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalService.RegisterProposalCommand;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;

/**
 * A proposal led by a scenario's unit and co-handled by a new unit: its drafter (经办人) and
 * signer (签发人), and the lead unit's official.
 */
record OpinionFixture(Scenario s, long proposalId, long coUnitId, LocalDate leadDeadline) {

	static OpinionFixture create(TestData data, ProposalService proposals) {
		Scenario s = data.scenario();
		long coUnit = data.unit("协办单位");
		int number = 100 + TestData.unique() % 100_000;
		long proposal = proposals
			.register(new RegisterProposalCommand(s.sessionId(), number, "关于协办建议" + number + "的建议", "正文",
					s.leadDeputyId(), Set.of(s.cosignerId()), null, LocalDate.of(2022, 2, 20), false))
			.id();
		LocalDate deadline = LocalDate.of(2022, 6, 10);
		proposals.assign(proposal, s.unitId(), List.of(coUnit), LocalDate.of(2022, 3, 1), deadline);
		return new OpinionFixture(s, proposal, coUnit, deadline);
	}

	Viewer coDrafter() {
		return Viewer.drafter("codrafter" + this.s.n(), this.coUnitId);
	}

	Viewer coSigner() {
		return Viewer.official("cosigner" + this.s.n(), this.coUnitId);
	}

	Viewer lead() {
		return this.s.official();
	}

	Viewer coordinator() {
		return Viewer.coordinator("coordinator" + this.s.n());
	}

}
