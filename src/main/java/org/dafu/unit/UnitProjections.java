package org.dafu.unit;

/**
 * The handling units as a read-only projection, for another module's statement that shows
 * or sorts by a unit's name in the same statement: a subquery PostgreSQL flattens into
 * the reader's plan (no extra statement, the same plan). Readers name the constant, never
 * the table. See {@code TableOwnershipTests}.
 */
public final class UnitProjections {

	/** {@code handling_unit}: id, name, short_name, ... */
	public static final String UNITS = "(select id, name, org_code, active, created_at from handling_unit)";

	private UnitProjections() {
	}

}
