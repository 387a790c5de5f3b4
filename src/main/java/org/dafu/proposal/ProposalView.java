package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A proposal as other features see it. */
public record ProposalView(Long id, Long sessionId, int number, String title, String body, Long leadDeputyId,
		Set<Long> cosignerIds, Long topicCategoryId, LocalDate submittedOn, boolean keyProposal, ProposalStatus status,
		List<AssignmentView> assignments, int version, ProposalOrigin origin) {

	static ProposalView of(Proposal p) {
		return new ProposalView(p.getId(), p.getSessionId(), p.getNumber(), p.getTitle(), p.getBody(),
				p.getLeadDeputyId(), Set.copyOf(p.getCosignerIds()), p.getTopicCategoryId(), p.getSubmittedOn(),
				p.isKeyProposal(), p.getStatus(), p.getAssignments().stream().map(AssignmentView::of).toList(),
				p.getVersion(), p.getOrigin());
	}

	/** Created by the bulk import of past letters, not registered in the portal. */
	public boolean historical() {
		return this.origin == ProposalOrigin.IMPORTED_ARCHIVE;
	}

	public boolean isLedOrCosignedBy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

	public AssignmentView lead() {
		return this.assignments.stream().filter((a) -> a.role() == AssignmentRole.LEAD).findFirst().orElse(null);
	}

	/**
	 * @param deadline the deadline in force (after extensions and 重新办理)
	 * @param assignedDeadline the deadline set at 交办, which later steps never change
	 */
	public record AssignmentView(Long id, Long unitId, AssignmentRole role, LocalDate assignedOn, LocalDate deadline,
			String extensionReason, LocalDate assignedDeadline) {

		static AssignmentView of(Assignment a) {
			return new AssignmentView(a.getId(), a.getUnitId(), a.getRole(), a.getAssignedOn(), a.getDeadline(),
					a.getExtensionReason(), a.getAssignedDeadline());
		}

		/** The latest deadline an extension may set: six months from the assignment. */
		public LocalDate latestPossibleDeadline() {
			return Assignment.latestPossibleDeadline(this.assignedOn);
		}

	}

}
