package org.dafu.reply;

/**
 * The first reply, a reply after re-handling (重新办理), or a later follow-up of a B/C reply.
 */
public enum ReplyKind {

	ORIGINAL, REHANDLING, FOLLOW_UP

}
