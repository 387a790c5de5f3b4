package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.dafu.figure.ProgressRule.Point;
import org.dafu.figure.ProgressRule.Progress;

/**
 * A target as the dashboard shows it: what the reply stated, its latest measurement and
 * its progress.
 */
public record TargetView(long id, String subject, BigDecimal value, String unit, String comparator,
		Integer deadlineYear, String region, String kind, long replyId, long unitId, String unitName, String topicName,
		String proposalTitle, LocalDate replyDate, Point baseline, Point latest, String latestPeriod,
		Progress progress) {

	public boolean isTarget() {
		return "TARGET".equals(this.kind);
	}

	/** The value without trailing zeros, as written ("5000", "37.5"). */
	public String valueText() {
		return Numbers.plain(this.value);
	}

	public String latestValueText() {
		return (this.latest != null) ? Numbers.plain(this.latest.value()) : "";
	}

}
