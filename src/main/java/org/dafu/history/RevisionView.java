package org.dafu.history;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change: who, when, what kind, the text before and after, and the line diff
 * between them.
 */
public record RevisionView(long id, String entityType, long entityId, int ordinal, String changedBy, Instant changedAt,
		String changeKind, String before, String after, String summary) {

	public List<LineDiff.Line> diff() {
		return LineDiff.diff(this.before, this.after);
	}

}
