package org.dafu.stats;

import java.math.BigDecimal;
import java.util.List;

/**
 * Handling statistics of a session (or of a unit across sessions), as the yearly reports
 * present them; the same record is the JSON of {@code /api/v1/sessions/{id}/statistics}.
 * Percentages have one decimal, rounded half up; {@code null} where nothing was counted.
 */
public record Statistics(Long sessionId, String sessionName, Integer year, Rates rates, List<CountShare> resultClasses,
		List<CountShare> topics, List<UnitRow> units) {

	/**
	 * The headline numbers: 收到 received, 交办 assigned, 办复 replied (an issued reply), 按时办复
	 * on time, 逾期 overdue, 满意度 from the evaluations' {@code result}.
	 */
	public record Rates(long received, long assigned, long replied, BigDecimal replyRate, long onTime,
			BigDecimal onTimeRate, long overdue, BigDecimal averageDaysToReply, long evaluations, long satisfied,
			long basicallySatisfied, long unsatisfied, BigDecimal satisfactionRate, BigDecimal satisfiedOnlyRate) {
	}

	/**
	 * A count and its share; {@code key} is a result class or a topic name (null:
	 * unclassed).
	 */
	public record CountShare(String key, long count, BigDecimal share) {
	}

	/** A row of the per-unit table. */
	public record UnitRow(Long unitId, String unitName, long assigned, long replied, long onTime, long overdue,
			BigDecimal averageDaysToReply, long evaluations, BigDecimal satisfactionRate,
			BigDecimal satisfiedOnlyRate) {
	}

	/** A row of the overview of all sessions. */
	public record SessionRow(Long sessionId, String sessionName, int year, long received, long assigned, long replied,
			BigDecimal replyRate) {
	}

}
