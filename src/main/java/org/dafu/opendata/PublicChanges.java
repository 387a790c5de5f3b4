package org.dafu.opendata;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.dafu.reply.PublicReplyReads;

import org.springframework.stereotype.Component;

/**
 * When issued replies last changed for the public (column {@code public_changed_at}, kept
 * by triggers, migration V73): the issue, the latest correction or the latest disclosure
 * change.
 */
@Component
public class PublicChanges {

	private final PublicReplyReads replies;

	PublicChanges(PublicReplyReads replies) {
		this.replies = replies;
	}

	/** The last public change of each of these replies that has one. */
	public Map<Long, Instant> of(Collection<Long> replyIds) {
		return this.replies.publicChanges(replyIds);
	}

}
