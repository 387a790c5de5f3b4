package org.dafu.reply;

/**
 * A reply is drafted by its unit (起草), submitted for review (待审核), then issued (签发) by a
 * 签发人 of the lead unit; a submitted draft can go back to drafting (returned with a
 * comment, or recalled by the unit). Issued text changes only by correction.
 */
public enum ReplyStatus {

	DRAFT, SUBMITTED, ISSUED

}
