package org.dafu.reply;

/**
 * Published after a reply was created, edited, submitted for review, recalled, returned,
 * issued, corrected or had its disclosure changed, so that search, caches, history and
 * notifications can follow without the reply knowing them.
 *
 * @param replyId the reply
 * @param change what happened
 * @param reason the stated reason of a correction or disclosure change, or the comment of
 * a return (else null)
 */
public record ReplyChanged(long replyId, Change change, String reason) {

	public ReplyChanged(long replyId, Change change) {
		this(replyId, change, null);
	}

	public enum Change {

		DRAFTED, EDITED, SUBMITTED, RECALLED, RETURNED, ISSUED, CORRECTED, DISCLOSURE_CHANGED

	}

}
