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

import org.springframework.stereotype.Component;

/**
 * The seven facets of a search, counted by the index's terms aggregations (no hits
 * fetched) with the access policy's predicate in every query: what the viewer may not
 * read is never counted or offered. Each filtered dimension is counted leaving its own
 * filter out; every match counted.
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
	 * The seven facets of a search: the dimensions without a filter of their own in one
	 * query, each filtered dimension once more leaving its own filter out; every match
	 * counted (terms aggregations, no hits fetched).
	 */
	Facets count(Viewer viewer, SearchCriteria criteria) {
		Set<FacetDimension> unfiltered = FacetDimension.unfiltered(criteria);
		Map<FacetDimension, Map<Object, Long>> counts = new HashMap<>();
		if (!unfiltered.isEmpty()) {
			counts.putAll(aggregate(viewer, criteria, null, unfiltered));
		}
		countFiltered(viewer, criteria, counts);
		return facetsOf(counts);
	}

	/**
	 * The seven facets of a search whose page query counted the {@code unfiltered}
	 * dimensions (its aggregations, {@link #terms}); each filtered dimension is counted
	 * once more, leaving its own filter out.
	 */
	Facets count(Viewer viewer, SearchCriteria criteria, SearchResult<?> page, Set<FacetDimension> unfiltered) {
		Map<FacetDimension, Map<Object, Long>> counts = new HashMap<>();
		unfiltered.forEach((d) -> counts.put(d, page.aggregation(d.key)));
		countFiltered(viewer, criteria, counts);
		return facetsOf(counts);
	}

	private void countFiltered(Viewer viewer, SearchCriteria criteria, Map<FacetDimension, Map<Object, Long>> counts) {
		for (FacetDimension d : FacetDimension.values()) {
			if (d.isFiltered(criteria)) {
				counts.putAll(aggregate(viewer, criteria, d, EnumSet.of(d)));
			}
		}
	}

	private Facets facetsOf(Map<FacetDimension, Map<Object, Long>> counts) {
		return new Facets(sessions(counts.get(FacetDimension.SESSION)), years(counts.get(FacetDimension.YEAR)),
				labelled(counts.get(FacetDimension.UNIT)), labelled(counts.get(FacetDimension.TOPIC)),
				plain(counts.get(FacetDimension.RESULT_CLASS), Comparator.comparing(Facets.Count::value)),
				plain(counts.get(FacetDimension.REGION),
						Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value)),
				deputies(counts.get(FacetDimension.DEPUTY)));
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

	/** The terms aggregation that counts a dimension. */
	static AggregationFinalStep<Map<Object, Long>> terms(SearchAggregationFactory f, FacetDimension d) {
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
