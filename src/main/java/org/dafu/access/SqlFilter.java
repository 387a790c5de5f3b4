package org.dafu.access;

import java.util.Map;

/**
 * A SQL condition with its named parameters, to be and-ed into a query so that the
 * database returns (and counts) only rows the viewer may see.
 * <p>
 * {@link #sql()} renders the condition in parentheses with a space on either side, so
 * that it stays one well-formed term wherever it is concatenated: right after
 * {@code where} at the end of a text block (whose trailing spaces Java strips), before
 * {@code and} or {@code order by}, or beside an {@code or} of the caller's. The bare
 * condition is never handed out.
 */
public final class SqlFilter {

	private final String condition;

	private final Map<String, Object> params;

	/**
	 * @param condition the bare condition, e.g. {@code true} or
	 * {@code r.unit_id = :acl_unit}
	 * @param params its named parameters (names start with {@code acl_})
	 */
	public SqlFilter(String condition, Map<String, Object> params) {
		if (condition == null || condition.isBlank()) {
			throw new IllegalArgumentException("a filter needs a condition");
		}
		this.condition = condition.strip();
		this.params = Map.copyOf(params);
	}

	/** The condition as a term to concatenate into SQL: {@code " (condition) "}. */
	public String sql() {
		return " (" + this.condition + ") ";
	}

	/** Its named parameters, to add to the query's. */
	public Map<String, Object> params() {
		return this.params;
	}

	@Override
	public String toString() {
		return "SqlFilter" + sql().stripTrailing() + " " + this.params.keySet();
	}

}
