package org.dafu.proposal;

/** 主办 (writes the reply) or 协办/会办 (contributes to the lead unit). */
public enum AssignmentRole {

	LEAD, CO

}
