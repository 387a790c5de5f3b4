package org.dafu.reply;

/**
 * An {@link IssueGate} refused the issue: its message (already in the signer's language)
 * says why. Nothing was changed.
 */
public class IssueRefusedException extends RuntimeException {

	public IssueRefusedException(String message) {
		super(message);
	}

}
