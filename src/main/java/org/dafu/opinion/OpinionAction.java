package org.dafu.opinion;

/** A recorded step of an opinion. */
public enum OpinionAction {

	/** The text was saved. */
	SAVED,
	/** Submitted for review (提交审核). */
	SUBMITTED,
	/** Returned for changes (退回修改), with a comment. */
	RETURNED,
	/** Signed (签发). */
	SIGNED,
	/** Waived by a coordinator, with a reason: the lead unit may issue without it. */
	WAIVED

}
