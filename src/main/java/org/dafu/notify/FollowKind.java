package org.dafu.notify;

/** What an account follows: a proposal, a handling unit, or a keyword. */
public enum FollowKind {

	PROPOSAL, UNIT, KEYWORD

}
