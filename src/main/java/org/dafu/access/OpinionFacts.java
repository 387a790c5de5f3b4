package org.dafu.access;

import java.util.Set;

/**
 * What the access policy needs to know about a co-handling opinion (协办意见).
 *
 * @param coUnitId the co-unit that writes it
 * @param leadUnitId the proposal's lead unit, which receives it
 * @param signed whether the co-unit's signer signed it
 * @param published whether the co-unit chose to publish it with the reply
 * @param leadReplyPublic whether a reply of the lead unit to the proposal is public
 * @param leadDeputyId the proposal's lead deputy
 * @param cosignerIds the proposal's co-signers
 */
public record OpinionFacts(Long coUnitId, Long leadUnitId, boolean signed, boolean published, boolean leadReplyPublic,
		Long leadDeputyId, Set<Long> cosignerIds) {

	/**
	 * Shown to everyone: signed, chosen for publication, and the lead reply is public.
	 */
	public boolean isPublic() {
		return this.signed && this.published && this.leadReplyPublic;
	}

	public boolean concernsDeputy(Long deputyId) {
		return deputyId != null && (deputyId.equals(this.leadDeputyId) || this.cosignerIds.contains(deputyId));
	}

}
