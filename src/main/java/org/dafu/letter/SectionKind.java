package org.dafu.letter;

/**
 * What a section of a reply letter does: answer the proposal, or commit to next steps
 * (下一步).
 */
public enum SectionKind {

	/** A thematic answer (专题), numbered 一、二、… in the letter. */
	RESPONSE,

	/** The next-steps part (下一步…), usually a list 一是…二是…. */
	NEXT_STEPS

}
