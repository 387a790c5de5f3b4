package org.dafu.reply;

/**
 * A form that writes and issues a reply was sent again (or twice at once): the reply it
 * wrote the first time exists, and nothing new was written.
 */
public class AlreadySubmittedException extends RuntimeException {

	private final long replyId;

	public AlreadySubmittedException(long replyId) {
		super("this form was already submitted: reply " + replyId);
		this.replyId = replyId;
	}

	public long replyId() {
		return this.replyId;
	}

}
