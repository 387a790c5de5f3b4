package org.dafu.reply;

/**
 * Issuing was refused by an {@link IssueGate}: nothing changed; the message says why, in
 * the viewer's language.
 */
public class IssueRefusedException extends RuntimeException {

	public IssueRefusedException(String message) {
		super(message);
	}

}
