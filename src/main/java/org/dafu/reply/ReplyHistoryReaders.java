package org.dafu.reply;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryReaders;
import org.springframework.stereotype.Component;

/** A reply's history: coordinators, and officials of the unit that writes the reply. */
@Component
class ReplyHistoryReaders implements HistoryReaders {

	private final ReplyService replies;

	ReplyHistoryReaders(ReplyService replies) {
		this.replies = replies;
	}

	@Override
	public String type() {
		return ReplyHistoryListener.TYPE;
	}

	@Override
	public boolean maySee(Viewer viewer, long id) {
		return viewer.isCoordinator()
				|| (viewer.isOfficial() && viewer.unitId().equals(this.replies.facts(id).unitId()));
	}

}
