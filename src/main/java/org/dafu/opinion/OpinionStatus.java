package org.dafu.opinion;

/** Where a co-handling opinion (协办意见) stands: 起草 → 待审核 → 已签发. */
public enum OpinionStatus {

	/** 起草: written by the co-unit's drafter; also where a returned opinion goes back. */
	DRAFT,
	/** 待审核: submitted, waiting for the co-unit's signer. */
	SUBMITTED,
	/** 已签发: signed by the co-unit's signer; fixed, and sent to the lead unit. */
	SIGNED

}
