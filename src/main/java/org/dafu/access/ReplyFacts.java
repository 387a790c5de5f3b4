package org.dafu.access;

import java.util.Set;

/**
 * What the access policy needs to know about a reply to decide who may see or edit it.
 *
 * @param issued whether the reply has been issued (drafts are never public)
 * @param proactive whether its disclosure mode is 主动公开
 * @param unitId the unit that wrote it
 * @param leadDeputyId the proposal's lead deputy
 * @param cosignerIds the proposal's co-signers
 */
public record ReplyFacts(boolean issued, boolean proactive, Long unitId, Long leadDeputyId, Set<Long> cosignerIds) {

	public boolean isPublic() {
		return this.issued && this.proactive;
	}

	public boolean concernsDeputy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

}
