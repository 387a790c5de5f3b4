package org.dafu.proposal;

import org.dafu.platform.RefusedException;

/**
 * A change of a proposal refused by one of its rules (a co-signer who is the lead deputy,
 * a co-unit that is the lead unit, a blank title …): nothing was changed.
 */
public class ProposalRefusedException extends RefusedException {

	public ProposalRefusedException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

}
