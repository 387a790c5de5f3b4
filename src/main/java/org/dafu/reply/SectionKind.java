package org.dafu.reply;

/** A thematic section answering the proposal, or the next-steps commitments (下一步). */
public enum SectionKind {

	RESPONSE, NEXT_STEPS

}
