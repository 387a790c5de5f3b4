package org.dafu.access;

import java.util.Set;

/**
 * What the access policy needs to know about a reply to decide who may see or edit it.
 *
 * @param issued whether the reply has been issued (drafts are never public)
 * @param isPublic whether anyone may read it: the reply's rule, decided by the reply
 * ({@code Reply.isPublic}: issued and 主动公开)
 * @param unitId the unit that wrote it
 * @param leadDeputyId the proposal's lead deputy
 * @param cosignerIds the proposal's co-signers
 */
public record ReplyFacts(boolean issued, boolean isPublic, Long unitId, Long leadDeputyId, Set<Long> cosignerIds) {

	public boolean concernsDeputy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

}
