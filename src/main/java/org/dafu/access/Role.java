package org.dafu.access;

/** The four kinds of people the portal serves (see docs/domain). */
public enum Role {

	/** Anyone, signed in or not. */
	PUBLIC,
	/** 代表: reads every reply to proposals they led or co-signed, and rates them. */
	DEPUTY,
	/** 承办单位经办人: drafts and issues replies of their own unit. */
	OFFICIAL,
	/** 人大/政府办 管理员: manages everything and sees everything. */
	COORDINATOR

}
