package org.dafu.stats;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Handling statistics of a session (or of a unit across sessions), as the yearly reports
 * present them; the same record is the JSON of {@code /api/v1/sessions/{id}/statistics}.
 * Percentages have one decimal, rounded half up; {@code null} where nothing was counted.
 * Satisfaction is shown only over at least {@link Tally#MIN_EVALUATIONS} evaluations, so
 * that no deputy's own rating can be read off (docs/figures.md, "Small numbers").
 */
public record Statistics(Long sessionId, String sessionName, Integer year, Rates rates, List<CountShare> resultClasses,
		List<CountShare> topics, List<UnitRow> units) {

	/**
	 * The headline numbers: 收到 received, 交办 assigned, 办复 replied (an issued reply), 按时办复
	 * on time, 逾期 overdue, 满意度 from the evaluations' {@code result}.
	 */
	public record Rates(long received, long assigned, long replied, BigDecimal replyRate, long onTime,
			BigDecimal onTimeRate, long overdue, BigDecimal averageDaysToReply,
			@Schema(description = "Evaluations (满意度测评) counted; shown whatever their number") long evaluations,
			@Schema(description = SPLIT, nullable = true) Long satisfied,
			@Schema(description = SPLIT, nullable = true) Long basicallySatisfied,
			@Schema(description = SPLIT, nullable = true) Long unsatisfied,
			@Schema(description = RATE, nullable = true) BigDecimal satisfactionRate,
			@Schema(description = RATE, nullable = true) BigDecimal satisfiedOnlyRate,
			@Schema(description = REASON, nullable = true) Withheld satisfactionWithheld) {
	}

	/**
	 * A count and its share; {@code key} is a result class or a topic name (null:
	 * unclassed).
	 */
	public record CountShare(String key, long count, BigDecimal share) {
	}

	/** A row of the per-unit table. */
	public record UnitRow(Long unitId, String unitName, long assigned, long replied, long onTime, long overdue,
			BigDecimal averageDaysToReply, long evaluations,
			@Schema(description = RATE, nullable = true) BigDecimal satisfactionRate,
			@Schema(description = RATE, nullable = true) BigDecimal satisfiedOnlyRate,
			@Schema(description = REASON, nullable = true) Withheld satisfactionWithheld,
			@Schema(description = "催办: reminders coordinators sent the unit about proposals of the session "
					+ "(of all sessions on a unit's statistics)") long reminders) {
	}

	/**
	 * Why the satisfaction figures are null: no evaluation at all, or fewer than
	 * {@link Tally#MIN_EVALUATIONS}, where a rate (or the split) would tell how one or
	 * two deputies rated their replies.
	 */
	@Schema(description = "Why satisfaction is null: NO_EVALUATIONS (nothing to count) or FEWER_THAN_3_EVALUATIONS "
			+ "(1 or 2 evaluations: a rate would disclose how individual deputies rated)")
	public enum Withheld {

		NO_EVALUATIONS, FEWER_THAN_3_EVALUATIONS

	}

	private static final String SPLIT = "Evaluations by result; null (see satisfactionWithheld) "
			+ "below 3 evaluations, where the split would disclose individual ratings";

	private static final String RATE = "Percentage, one decimal; null when satisfactionWithheld says why "
			+ "(no evaluation, or fewer than 3)";

	private static final String REASON = "null when the satisfaction figures are shown, else why they are not: "
			+ "NO_EVALUATIONS or FEWER_THAN_3_EVALUATIONS";

	/**
	 * A row of the overview of all sessions: the headline counts, 按时办复 and 满意度 (withheld
	 * below {@link Tally#MIN_EVALUATIONS} evaluations, as everywhere).
	 */
	public record SessionRow(Long sessionId, String sessionName, int year, long received, long assigned, long replied,
			BigDecimal replyRate, long onTime, BigDecimal onTimeRate, long evaluations, BigDecimal satisfactionRate,
			Withheld satisfactionWithheld) {
	}

}
