package org.dafu.access;

import java.util.Map;

/**
 * A SQL condition with its named parameters, to be and-ed into a query so that the
 * database returns (and counts) only rows the viewer may see.
 */
public record SqlFilter(String sql, Map<String, Object> params) {

	public SqlFilter {
		params = Map.copyOf(params);
	}

}
