package org.dafu.search;

import java.util.List;

/**
 * Counts of the results by session, year, unit, topic, result class, region and deputy
 * (the deputies most often among the results, each a lead or co-signer). Each dimension
 * is counted with every filter except its own, so that its choices stay visible; all
 * counts include only replies the viewer may read. A search with more matches than
 * {@code topHits} counts its most relevant {@code topHits} matches only ({@code topHits}
 * is 0 when every match was counted): the page says so.
 */
public record Facets(List<Count> sessions, List<Count> years, List<Count> units, List<Count> topics,
		List<Count> resultClasses, List<Count> regions, List<Count> deputies, int topHits) {

	/** Every match counted. */
	public Facets(List<Count> sessions, List<Count> years, List<Count> units, List<Count> topics,
			List<Count> resultClasses, List<Count> regions, List<Count> deputies) {
		this(sessions, years, units, topics, resultClasses, regions, deputies, 0);
	}

	/** Whether only the most relevant {@link #topHits()} matches were counted. */
	public boolean partial() {
		return this.topHits > 0;
	}

	/** One value of a dimension: what to filter by, what to show, how many. */
	public record Count(String value, String label, long count) {
	}

}
