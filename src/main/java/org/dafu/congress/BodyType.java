package org.dafu.congress;

/** 人大 (people's congress) or 政协 (CPPCC): a deputy's 建议 or a member's 提案. */
public enum BodyType {

	NPC, CPPCC

}
