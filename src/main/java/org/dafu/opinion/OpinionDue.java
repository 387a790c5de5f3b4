package org.dafu.opinion;

import java.time.LocalDate;

/**
 * When a co-unit's opinion is due: the lead unit's deadline minus a set number of days
 * ({@code dafu.opinion.days-before-lead-deadline}, 15 by default), so that the lead unit
 * has time to use it.
 */
public final class OpinionDue {

	/** The default number of days before the lead unit's deadline. */
	public static final int DEFAULT_DAYS = 15;

	private OpinionDue() {
	}

	public static LocalDate of(LocalDate leadDeadline, int daysBefore) {
		return (leadDeadline != null) ? leadDeadline.minusDays(daysBefore) : null;
	}

	/** Past its due date and still outstanding (neither signed nor waived). */
	public static boolean overdue(LocalDate due, boolean outstanding, LocalDate today) {
		return outstanding && due != null && today.isAfter(due);
	}

}
