package org.dafu.reply;

import org.springframework.security.access.AccessDeniedException;

/**
 * Only a 签发人 of the proposal's lead unit issues a reply or returns it for changes
 * (access/AccessPolicy#canSign); the viewer is not one. Nothing was changed.
 */
public class NotSignerException extends AccessDeniedException {

	private final long replyId;

	private final String action;

	/**
	 * @param action what was refused, for the log and the audit log ("issue", "return",
	 * …)
	 */
	public NotSignerException(long replyId, String action) {
		super("only a 签发人 of the lead unit may " + action + " reply " + replyId);
		this.replyId = replyId;
		this.action = action;
	}

	public long replyId() {
		return this.replyId;
	}

	public String action() {
		return this.action;
	}

}
