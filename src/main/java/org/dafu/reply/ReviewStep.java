package org.dafu.reply;

/** A step of a reply's review inside its unit (审核与签发). */
public enum ReviewStep {

	/** 提交审核: the draft waits for a 签发人 (起草 → 待审核). */
	SUBMITTED,

	/** 撤回: the unit took a submitted draft back to change it (待审核 → 起草). */
	RECALLED,

	/** 退回修改: a 签发人 sent it back with a comment (待审核 → 起草). */
	RETURNED,

	/** 签发: a 签发人 issued it (待审核 → 已签发). */
	ISSUED

}
