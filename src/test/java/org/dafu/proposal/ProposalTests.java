package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;

import org.dafu.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proposal's journey as plain objects: no database needed. */
class ProposalTests {

	private static final LocalDate MARCH_1 = LocalDate.of(2022, 3, 1);

	@Test
	void followsItsJourneyAndRefusesIllegalMoves() {
		Proposal proposal = new Proposal(1L, 4, "关于加快产业发展的建议", 10L);
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.REGISTERED);
		assertThatThrownBy(proposal::markReplied).isInstanceOf(IllegalTransitionException.class);
		proposal.assign(7L, List.of(8L), MARCH_1, Assignment.defaultDeadline(MARCH_1));
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThatThrownBy(() -> proposal.assign(7L, List.of(), MARCH_1, MARCH_1.plusMonths(3)))
			.isInstanceOf(IllegalTransitionException.class);
		proposal.markReplied();
		proposal.reopenForRehandling(LocalDate.of(2022, 7, 1));
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.REHANDLING);
		assertThat(proposal.leadAssignment().orElseThrow().getDeadline()).isEqualTo(LocalDate.of(2022, 7, 1));
		proposal.markReplied();
		proposal.close();
		assertThatThrownBy(() -> proposal.reopenForRehandling(LocalDate.of(2022, 9, 1)))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void theDefaultDeadlineIsThreeMonthsAndExtensionsNeedAReasonAndStayWithinSix() {
		Proposal proposal = new Proposal(1L, 5, "建议", 10L);
		Assignment lead = proposal.assign(7L, List.of(), MARCH_1, Assignment.defaultDeadline(MARCH_1));
		assertThat(lead.getDeadline()).isEqualTo(LocalDate.of(2022, 6, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> lead.extendDeadline(LocalDate.of(2022, 7, 1), " "));
		assertThatIllegalArgumentException().isThrownBy(() -> lead.extendDeadline(LocalDate.of(2022, 9, 2), "情况复杂"));
		lead.extendDeadline(LocalDate.of(2022, 9, 1), "情况复杂，需跨部门协调");
		assertThat(lead.getExtensionReason()).isEqualTo("情况复杂，需跨部门协调");
		assertThat(lead.isOverdue(LocalDate.of(2022, 9, 2))).isTrue();
		assertThat(lead.isOverdue(LocalDate.of(2022, 9, 1))).isFalse();
	}

	@Test
	void invariantsHoldFromTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Proposal(1L, 0, "建议", 10L));
		assertThatIllegalArgumentException().isThrownBy(() -> new Proposal(1L, 1, "  ", 10L));
		Proposal proposal = new Proposal(1L, 6, "建议", 10L);
		assertThatIllegalArgumentException().isThrownBy(() -> proposal.addCosigner(10L));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> proposal.assign(7L, List.of(7L), MARCH_1, MARCH_1.plusMonths(3)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Proposal(1L, 7, "建议", 10L).assign(7L, List.of(), MARCH_1, MARCH_1.minusDays(1)));
	}

}
