package org.dafu.reply;

/**
 * Published after a reply was created, edited, issued, corrected or had its disclosure
 * changed, so that search, caches and notifications can follow without the reply knowing
 * them.
 */
public record ReplyChanged(long replyId, Change change) {

	public enum Change {

		DRAFTED, EDITED, ISSUED, CORRECTED, DISCLOSURE_CHANGED

	}

}
