package org.dafu.platform.cache;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Features publish their changes as events (reply.ReplyChanged and others): once such a
 * transaction has committed, this instance reads the public change log at once, without
 * waiting for the next check, and empties what the commit changed for the public (a
 * draft's change wrote nothing there and empties nothing). The platform knows no feature,
 * so it listens to every event published as a plain object; the log catches the rest
 * within the check interval.
 */
@Component
class LocalChanges {

	private final PublicChangeLog changes;

	LocalChanges(PublicChangeLog changes) {
		this.changes = changes;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(PayloadApplicationEvent<?> event) {
		this.changes.refresh();
	}

}
