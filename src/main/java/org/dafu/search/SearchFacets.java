package org.dafu.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.scope.SearchScope;

import org.dafu.access.Viewer;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyListOptions;
import org.dafu.reply.ReplyVisibility;

import org.springframework.stereotype.Component;

/**
 * The seven facets of a search, counted by the index's terms aggregations (no hits
 * fetched) with the access policy's predicate in every query: what the viewer may not
 * read is never counted or offered. Each filtered dimension is counted leaving its own
 * filter out; with a query, over the first matches in the search's order only.
 */
@Component
class SearchFacets {

	private static final int FACET_LIMIT = 50;

	/**
	 * The values counted of a dimension shown in another order than most results first
	 * (sessions and years newest first, result classes A to D): all of them, up to this.
	 */
	private static final int FACET_TERMS = 5000;

	private final ReplyIndexScope index;

	private final SearchPredicates predicates;

	private final ReplyListOptions options;

	SearchFacets(ReplyIndexScope index, SearchPredicates predicates, ReplyListOptions options) {
		this.index = index;
		this.predicates = predicates;
		this.options = options;
	}

	/**
	 * The seven facets: the dimensions without a filter of their own together, each
	 * filtered dimension once more leaving its own filter out. With a query, over the
	 * {@code facetHits} first matches ({@link #aggregateTop}); without, over every
	 * readable reply in one query of the index (terms aggregations, no hits fetched).
	 * When {@code fewMatches} (the search's matches were all counted and are no more than
	 * {@code facetHits}), the unfiltered dimensions are counted over the search's
	 * predicate directly.
	 */
	Facets count(Viewer viewer, SearchCriteria criteria, boolean fewMatches, int facetHits) {
		Map<FacetDimension, Map<Object, Long>> counts = new HashMap<>();
		Set<FacetDimension> unfiltered = EnumSet.noneOf(FacetDimension.class);
		boolean every = true;
		for (FacetDimension d : FacetDimension.values()) {
			if (d.isFiltered(criteria)) {
				every &= count(viewer, criteria, d, EnumSet.of(d), counts, facetHits);
			}
			else {
				unfiltered.add(d);
			}
		}
		if (!unfiltered.isEmpty()) {
			if (fewMatches) {
				counts.putAll(aggregate(viewer, criteria, null, unfiltered));
			}
			else {
				every &= count(viewer, criteria, null, unfiltered, counts, facetHits);
			}
		}
		return facetsOf(counts, every ? 0 : facetHits);
	}

	/** Counts the dimensions into {@code counts}; whether every match was counted. */
	private boolean count(Viewer viewer, SearchCriteria criteria, FacetDimension leftOut,
			Set<FacetDimension> dimensions, Map<FacetDimension, Map<Object, Long>> counts, int facetHits) {
		if (criteria.hasQuery()) {
			return aggregateTop(viewer, criteria, leftOut, dimensions, counts, facetHits);
		}
		counts.putAll(aggregate(viewer, criteria, leftOut, dimensions));
		return true;
	}

	/**
	 * The dimensions counted over the first {@code facetHits} matches in the search's
	 * order: their ids from one query (stopping early as a page does), then the terms
	 * aggregations over exactly those ids (and the access predicate again); whether these
	 * were all the matches.
	 */
	private boolean aggregateTop(Viewer viewer, SearchCriteria criteria, FacetDimension leftOut,
			Set<FacetDimension> dimensions, Map<FacetDimension, Map<Object, Long>> counts, int facetHits) {
		SearchScope<Object> scope = this.index.scope();
		SearchResult<Long> top = this.index.session()
			.search(scope)
			.select((f) -> f.id(Long.class))
			.where(this.predicates.where(scope.predicate(), viewer, criteria, leftOut, false))
			.sort(SearchPredicates.sort(scope.sort(), criteria))
			.totalHitCountThreshold(facetHits)
			.fetch(facetHits);
		boolean every = top.total().isHitCountExact() && top.total().hitCount() <= facetHits;
		if (top.hits().isEmpty()) {
			dimensions.forEach((d) -> counts.put(d, Map.of()));
			return every;
		}
		var query = this.index.session()
			.search(scope)
			.select((f) -> f.id())
			.where((f) -> f.and(ReplyVisibility.predicate(viewer, f), f.id().matchingAny(top.hits()).toPredicate()));
		for (FacetDimension d : dimensions) {
			query = query.aggregation(d.key, (f) -> terms(f, d));
		}
		SearchResult<?> result = query.fetch(0);
		dimensions.forEach((d) -> counts.put(d, result.aggregation(d.key)));
		return every;
	}

	private Facets facetsOf(Map<FacetDimension, Map<Object, Long>> counts, int topHits) {
		return new Facets(sessions(counts.get(FacetDimension.SESSION)), years(counts.get(FacetDimension.YEAR)),
				labelled(counts.get(FacetDimension.UNIT)), labelled(counts.get(FacetDimension.TOPIC)),
				plain(counts.get(FacetDimension.RESULT_CLASS), Comparator.comparing(Facets.Count::value)),
				plain(counts.get(FacetDimension.REGION),
						Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value)),
				deputies(counts.get(FacetDimension.DEPUTY)), topHits);
	}

	private Map<FacetDimension, Map<Object, Long>> aggregate(Viewer viewer, SearchCriteria criteria,
			FacetDimension leftOut, Set<FacetDimension> dimensions) {
		SearchScope<Object> scope = this.index.scope();
		var query = this.index.session()
			.search(scope)
			.select((f) -> f.id())
			.where(this.predicates.where(scope.predicate(), viewer, criteria, leftOut, false));
		for (FacetDimension d : dimensions) {
			query = query.aggregation(d.key, (f) -> terms(f, d));
		}
		SearchResult<?> result = query.fetch(0);
		Map<FacetDimension, Map<Object, Long>> counts = new HashMap<>();
		dimensions.forEach((d) -> counts.put(d, result.aggregation(d.key)));
		return counts;
	}

	private static AggregationFinalStep<Map<Object, Long>> terms(SearchAggregationFactory f, FacetDimension d) {
		// a dimension shown most results first needs only its top values from the index
		// (the aggregation's own order): ranking thousands of deputies to show 50 cost
		// as much as counting them
		return f.terms()
			.field(d.field, Object.class, ValueModel.INDEX)
			.maxTermCount(d.mostFirst ? FACET_LIMIT : FACET_TERMS);
	}

	/** By year (newest first), then name. Keys: year␟id␟name. */
	private static List<Facets.Count> sessions(Map<Object, Long> counts) {
		List<String[]> keys = new ArrayList<>();
		counts.forEach((key, n) -> keys.add(split(key + String.valueOf(ReplyIndex.SEPARATOR) + n, 4)));
		return keys.stream()
			.sorted(Comparator.comparing((String[] k) -> Integer.parseInt(k[0])).reversed().thenComparing((k) -> k[2]))
			.limit(FACET_LIMIT)
			.map((k) -> new Facets.Count(k[1], k[2], Long.parseLong(k[3])))
			.toList();
	}

	private static List<Facets.Count> years(Map<Object, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((e) -> new Facets.Count(e.getKey().toString(), e.getKey().toString(), e.getValue()))
			.sorted(Comparator.comparing((Facets.Count c) -> Integer.parseInt(c.value())).reversed())
			.limit(FACET_LIMIT)
			.toList();
	}

	/**
	 * Most results first, then by name. Keys: deputy ids, named from the list options.
	 */
	private List<Facets.Count> deputies(Map<Object, Long> counts) {
		if (counts == null || counts.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = this.options.options().deputyNames();
		return counts.entrySet().stream().map((e) -> {
			long id = ((Number) e.getKey()).longValue();
			return new Facets.Count(String.valueOf(id), names.getOrDefault(id, String.valueOf(id)), e.getValue());
		})
			.sorted(Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::label))
			.limit(FACET_LIMIT)
			.toList();
	}

	/** Most results first, then by name. Keys: id␟name. */
	private static List<Facets.Count> labelled(Map<Object, Long> counts) {
		return counts.entrySet().stream().map((e) -> {
			String[] k = split(e.getKey().toString(), 2);
			return new Facets.Count(k[0], k[1], e.getValue());
		})
			.sorted(Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::label))
			.limit(FACET_LIMIT)
			.toList();
	}

	private static List<Facets.Count> plain(Map<Object, Long> counts, Comparator<Facets.Count> order) {
		return counts.entrySet()
			.stream()
			.map((e) -> new Facets.Count(e.getKey().toString(), e.getKey().toString(), e.getValue()))
			.sorted(order)
			.limit(FACET_LIMIT)
			.toList();
	}

	private static String[] split(String key, int parts) {
		return key.split(String.valueOf(ReplyIndex.SEPARATOR), parts);
	}

}
