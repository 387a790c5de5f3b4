package org.dafu.letter;

/**
 * The proposal a letter answers, as cited in its opening. Any part may be {@code null}.
 *
 * @param session the session, e.g. 市八届人大一次会议
 * @param number the proposal's number in the session (第4号 gives 4)
 * @param title the title inside 《》, without the brackets
 */
public record ProposalRef(String session, Integer number, String title) {

	boolean isEmpty() {
		return this.session == null && this.number == null && this.title == null;
	}

}
