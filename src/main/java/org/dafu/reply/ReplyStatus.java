package org.dafu.reply;

/**
 * A reply is drafted by its unit, then issued (签发): issued text changes only by
 * correction.
 */
public enum ReplyStatus {

	DRAFT, ISSUED

}
