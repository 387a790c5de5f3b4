package org.dafu.congress;

/**
 * The congress tables as read-only projections, for another module's statement that joins
 * sessions or deputies (a list filtered and sorted by session, a name shown beside a row)
 * in the same statement. Each is a subquery that PostgreSQL flattens into the reader's
 * plan: no extra statement and the same plan as a join on the table. Readers name the
 * constant, never the table; a renamed column keeps its old name here as an alias until
 * they move. See {@code TableOwnershipTests}.
 */
public final class CongressProjections {

	/**
	 * {@code congress_session}: id, name, year, level, body_type, evaluation_closed, ...
	 */
	public static final String SESSIONS = "(select id, body_type, level, term, session_number, year, name, evaluation_closed, created_at from congress_session)";

	/** {@code deputy}: id, session_id, name, delegation, ... */
	public static final String DEPUTIES = "(select id, name, delegation, active, created_at from deputy)";

	private CongressProjections() {
	}

}
