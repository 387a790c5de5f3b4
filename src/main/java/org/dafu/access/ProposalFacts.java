package org.dafu.access;

import java.util.Set;

/**
 * What the access policy needs to know about a proposal to decide who may read its text
 * and its deputy's ratings on the proposal's public record.
 *
 * @param leadDeputyId the lead deputy
 * @param cosignerIds the co-signers
 * @param unitIds the units it was assigned to (lead and co-handling)
 * @param readableIssuedReply whether the viewer may read one of its issued replies
 */
public record ProposalFacts(Long leadDeputyId, Set<Long> cosignerIds, Set<Long> unitIds, boolean readableIssuedReply) {

	public boolean concernsDeputy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

}
