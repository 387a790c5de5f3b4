package org.dafu.search;

import java.util.List;

/**
 * Counts of the results by session, year, unit, topic, result class, region and deputy
 * (the deputies most often among the results, each a lead or co-signer). Each dimension
 * is counted with every filter except its own, so that its choices stay visible; all
 * counts include only replies the viewer may read, and every match is counted.
 */
public record Facets(List<Count> sessions, List<Count> years, List<Count> units, List<Count> topics,
		List<Count> resultClasses, List<Count> regions, List<Count> deputies) {

	/** One value of a dimension: what to filter by, what to show, how many. */
	public record Count(String value, String label, long count) {
	}

}
