package org.dafu.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dafu.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of 交办 and 延期 as plain objects: a refusal names the field and the message, and
 * leaves the proposal as it was.
 */
class AssignmentRulesTests {

	private static final LocalDate MARCH_1 = LocalDate.of(2022, 3, 1);

	private static final LocalDate SEPTEMBER_1 = LocalDate.of(2022, 9, 1);

	@Test
	void aFirstDeadlineRunsAtMostSixMonthsFromTheAssignment() {
		Proposal proposal = new Proposal(1L, 4, "建议", 10L);
		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> proposal.assign(7L, List.of(8L), MARCH_1, MARCH_1.plusMonths(12)))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("deadline");
				assertThat(ex.messageKey()).isEqualTo("coordination.assign.deadline.tooLate");
				assertThat(ex.arguments()).containsExactly(SEPTEMBER_1);
			});
		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> proposal.assign(7L, List.of(), MARCH_1, SEPTEMBER_1.plusDays(1)));
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.REGISTERED);
		assertThat(proposal.getAssignments()).isEmpty();

		Assignment lead = proposal.assign(7L, List.of(8L), MARCH_1, SEPTEMBER_1);
		assertThat(lead.getDeadline()).isEqualTo(SEPTEMBER_1).isEqualTo(lead.latestPossibleDeadline());
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.ASSIGNED);
	}

	@Test
	void aFirstDeadlineIsNotBeforeTheAssignment() {
		Proposal proposal = new Proposal(1L, 5, "建议", 10L);
		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> proposal.assign(7L, List.of(), MARCH_1, MARCH_1.minusDays(1)))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("deadline");
				assertThat(ex.messageKey()).isEqualTo("coordination.assign.deadline.beforeAssignment");
			});
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.REGISTERED);
		assertThat(proposal.assign(7L, List.of(), MARCH_1, MARCH_1).getDeadline()).isEqualTo(MARCH_1);
	}

	@Test
	void theLeadUnitIsNotAlsoACoUnit() {
		Proposal proposal = new Proposal(1L, 6, "建议", 10L);
		assertThatExceptionOfType(ProposalRefusedException.class)
			.isThrownBy(() -> proposal.assign(7L, List.of(8L, 7L), MARCH_1, MARCH_1.plusMonths(3)))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("coUnitIds");
				assertThat(ex.messageKey()).isEqualTo("coordination.assign.coUnitIds.lead");
			});
		assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.REGISTERED);
		assertThat(proposal.getAssignments()).isEmpty();
	}

	@Test
	void anExtensionMovesTheDeadlineLaterAndAtMostSixMonthsFromTheAssignment() {
		Proposal proposal = new Proposal(1L, 7, "建议", 10L);
		proposal.assign(7L, List.of(8L), MARCH_1, Assignment.defaultDeadline(MARCH_1));
		Instant at = Instant.parse("2022-05-01T02:00:00Z");

		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> proposal.extendDeadline(LocalDate.of(2022, 6, 1), "情况复杂", "coord", at))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("newDeadline");
				assertThat(ex.messageKey()).isEqualTo("coordination.extend.notLater");
			});
		assertThatExceptionOfType(DeadlineRefusedException.class)
			.isThrownBy(() -> proposal.extendDeadline(SEPTEMBER_1.plusDays(1), "情况复杂", "coord", at))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("newDeadline");
				assertThat(ex.messageKey()).isEqualTo("coordination.extend.tooLate");
				assertThat(ex.arguments()).containsExactly(SEPTEMBER_1);
			});
		assertThatExceptionOfType(ProposalRefusedException.class)
			.isThrownBy(() -> proposal.extendDeadline(SEPTEMBER_1, "  ", "coord", at))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("reason"));
		assertThat(proposal.getAssignments()).allSatisfy((a) -> {
			assertThat(a.getDeadline()).isEqualTo(LocalDate.of(2022, 6, 1));
			assertThat(a.getExtensions()).isEmpty();
		});

		assertThat(proposal.extendDeadline(SEPTEMBER_1, "情况复杂", "coord", at)).hasSize(2);
		assertThat(proposal.getAssignments()).allSatisfy((a) -> assertThat(a.getDeadline()).isEqualTo(SEPTEMBER_1));
	}

	@Test
	void onlyAProposalBeingHandledIsExtended() {
		Proposal proposal = new Proposal(1L, 8, "建议", 10L);
		assertThat(proposal.isOpen()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> proposal.extendDeadline(SEPTEMBER_1, "情况复杂", "coord", Instant.now()));
		proposal.assign(7L, List.of(), MARCH_1, Assignment.defaultDeadline(MARCH_1));
		assertThat(proposal.isOpen()).isTrue();
		proposal.markReplied();
		assertThat(proposal.isOpen()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> proposal.extendDeadline(SEPTEMBER_1, "情况复杂", "coord", Instant.now()));
	}

	@Test
	void theLeadDeputyIsNotAlsoACosignerAndARefusedRevisionChangesNothing() {
		Proposal proposal = new Proposal(1L, 9, "建议", 10L);
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> proposal.addCosigner(10L))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("cosignerIds");
				assertThat(ex.messageKey()).isEqualTo("coordination.proposal.cosignerIds.lead");
			});
		proposal.addCosigner(11L);
		assertThatExceptionOfType(ProposalRefusedException.class)
			.isThrownBy(() -> proposal.revise("新标题", null, 11L, Set.of(11L), null, null, false));
		assertThat(proposal.getTitle()).isEqualTo("建议");
		assertThat(proposal.getLeadDeputyId()).isEqualTo(10L);
		assertThat(proposal.getCosignerIds()).containsExactly(11L);
	}

	@Test
	void whatAFormCouldSendIsRefusedByFieldNeverByAnAssertion() {
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> new Proposal(1L, 0, "建议", 10L))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("number"));
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> new Proposal(1L, 1, " ", 10L))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("coordination.proposal.title.invalid"));
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> new Proposal(1L, 1, "建议", null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("leadDeputyId"));
		assertThatExceptionOfType(ProposalRefusedException.class).isThrownBy(() -> new TopicCategory(" "))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("topicCategoryId"));
	}

}
