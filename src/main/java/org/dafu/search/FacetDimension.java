package org.dafu.search;

import java.util.Map;

import org.hibernate.search.engine.search.aggregation.AggregationKey;

import org.dafu.reply.ReplyIndex;

/**
 * The seven dimensions a search is faceted by, each with the index field it counts and
 * the filter of the criteria that it leaves out when it is counted
 * ({@link SearchFacets}).
 */
enum FacetDimension {

	SESSION(ReplyIndex.SESSION_FACET, false), YEAR(ReplyIndex.YEAR, false), UNIT(ReplyIndex.UNIT_FACET, true),
	TOPIC(ReplyIndex.TOPIC_FACET, true), RESULT_CLASS(ReplyIndex.RESULT_CLASS, false), REGION(ReplyIndex.REGIONS, true),
	DEPUTY(ReplyIndex.DEPUTY_IDS, true);

	final String field;

	final AggregationKey<Map<Object, Long>> key;

	/** Shown with the values most often among the results first. */
	final boolean mostFirst;

	FacetDimension(String field, boolean mostFirst) {
		this.field = field;
		this.key = AggregationKey.of(field);
		this.mostFirst = mostFirst;
	}

	boolean isFiltered(SearchCriteria criteria) {
		return switch (this) {
			case SESSION -> criteria.sessionId() != null;
			case YEAR -> criteria.year() != null;
			case UNIT -> criteria.unitId() != null;
			case TOPIC -> criteria.topicId() != null;
			case RESULT_CLASS -> criteria.resultClass() != null;
			case REGION -> criteria.region() != null;
			case DEPUTY -> criteria.deputyId() != null;
		};
	}

}
