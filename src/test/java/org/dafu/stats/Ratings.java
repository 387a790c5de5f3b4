package org.dafu.stats;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deputies' evaluations written straight into the table, for statistics tests that need
 * many of them on replies that are not the raters' own.
 */
final class Ratings {

	private Ratings() {
	}

	/**
	 * An evaluation of {@code reply} by {@code deputy}: attitude 满意, the given result.
	 */
	static void rate(JdbcTemplate jdbc, long reply, long deputy, String result) {
		jdbc.update("insert into evaluation (reply_id, deputy_id, attitude, result, comment) values (?, ?, ?, ?, ?)",
				reply, deputy, "SATISFIED", result, null);
	}

}
