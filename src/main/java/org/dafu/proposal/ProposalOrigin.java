package org.dafu.proposal;

/** Where a proposal's record comes from. */
public enum ProposalOrigin {

	/** Registered in the portal. */
	REGISTERED,

	/**
	 * Created by the bulk import of an archive of past letters: a historical record whose
	 * number, title and lead deputy were read from the letter, not registered.
	 */
	IMPORTED_ARCHIVE

}
