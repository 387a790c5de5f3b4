package org.dafu.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The progress of a target: a pure function of the target, its baseline, its latest
 * measurement, its deadline year and today (docs/figures.md, "Progress status").
 *
 * <ul>
 * <li>no measurement: {@link ProgressStatus#NO_DATA};</li>
 * <li>the latest value reaches the target: {@link ProgressStatus#ACHIEVED} (for a target
 * below its baseline, "reaches" means at or under it);</li>
 * <li>the deadline (31 December of the deadline year) has passed:
 * {@link ProgressStatus#BEHIND};</li>
 * <li>otherwise the value expected on the latest measurement's date, on a straight line
 * from the baseline to the target on the deadline, decides: at or beyond it
 * {@link ProgressStatus#ON_TRACK}, short of it {@link ProgressStatus#BEHIND}. Without a
 * deadline year a target cannot be late: {@link ProgressStatus#ON_TRACK}.</li>
 * </ul>
 */
public final class ProgressRule {

	private ProgressRule() {
	}

	/** A value on a date. */
	public record Point(LocalDate on, BigDecimal value) {
	}

	/**
	 * @param status the status
	 * @param percent how far the latest value is toward the target, 0–100 (see
	 * {@link #percent}); {@code null} without data
	 * @param expected the value the straight-line pace expected on the latest date
	 * ({@code null} when not computed)
	 */
	public record Progress(ProgressStatus status, Integer percent, BigDecimal expected) {

		/** The percent rounded down to a 5% step, for the bar. */
		public int step() {
			return (this.percent != null) ? (this.percent / 5) * 5 : 0;
		}

	}

	public static LocalDate deadline(Integer deadlineYear) {
		return (deadlineYear != null) ? LocalDate.of(deadlineYear, 12, 31) : null;
	}

	/**
	 * @param target the target value
	 * @param baseline where the target started: the earliest measurement, or the value
	 * the reply itself stated at its date (the caller picks the earlier); may be null
	 * when there is no measurement
	 * @param latest the latest measurement, or null
	 * @param deadlineYear the year the target is due (by 31 December), or null
	 * @param today the current date
	 */
	public static Progress assess(BigDecimal target, Point baseline, Point latest, Integer deadlineYear,
			LocalDate today) {
		if (latest == null) {
			return new Progress(ProgressStatus.NO_DATA, null, null);
		}
		Point start = (baseline != null) ? baseline : latest;
		boolean falling = start.value().compareTo(target) > 0;
		int percent = percent(start.value(), target, latest.value());
		boolean reached = falling ? latest.value().compareTo(target) <= 0 : latest.value().compareTo(target) >= 0;
		if (reached) {
			return new Progress(ProgressStatus.ACHIEVED, 100, null);
		}
		LocalDate deadline = deadline(deadlineYear);
		if (deadline == null) {
			return new Progress(ProgressStatus.ON_TRACK, percent, null);
		}
		if (today.isAfter(deadline) || latest.on().isAfter(deadline)) {
			return new Progress(ProgressStatus.BEHIND, percent, target);
		}
		long total = ChronoUnit.DAYS.between(start.on(), deadline);
		if (total <= 0) {
			return new Progress(ProgressStatus.BEHIND, percent, target);
		}
		long elapsed = Math.max(0, ChronoUnit.DAYS.between(start.on(), latest.on()));
		BigDecimal expected = start.value()
			.add(target.subtract(start.value())
				.multiply(BigDecimal.valueOf(elapsed))
				.divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
		boolean onPace = falling ? latest.value().compareTo(expected) <= 0 : latest.value().compareTo(expected) >= 0;
		return new Progress(onPace ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND, percent, expected);
	}

	/**
	 * How far the latest value is, 0–100: for a rising target the latest value as a share
	 * of the target; for a falling target (below its baseline) the share of the way down
	 * from the baseline.
	 */
	static int percent(BigDecimal start, BigDecimal target, BigDecimal value) {
		BigDecimal done;
		if (start.compareTo(target) > 0) {
			done = start.subtract(value)
				.multiply(BigDecimal.valueOf(100))
				.divide(start.subtract(target), 0, RoundingMode.DOWN);
		}
		else if (target.signum() <= 0) {
			return (value.compareTo(target) >= 0) ? 100 : 0;
		}
		else {
			done = value.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.DOWN);
		}
		return Math.max(0, Math.min(100, done.intValue()));
	}

}
