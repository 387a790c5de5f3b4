package org.dafu.search;

import org.dafu.reply.ReplyReads;
import org.dafu.reply.ReplyVisibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyIndexCatchUp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the index of replies (Hibernate Search, docs/search.md): ranked by BM25 with
 * title and heading hits first, or newest first; filtered, counted and faceted by the
 * index's aggregations; results projected from the index's stored fields (no entity is
 * loaded; no SQL runs, but for the {@code since} filter). Every search, count and facet
 * has the access policy's predicate in it: what the viewer may not read is never found,
 * counted or offered. No transaction is begun ({@code SUPPORTS}): the index answers
 * without the database, so a search holds no database connection while it runs (the
 * session's connection is taken only if SQL runs).
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class SearchService {

	/** Results fetched per round trip when results are streamed ({@link #each}). */
	static final int STREAM_FETCH = 500;

	/** How much more a word in the title or a heading weighs than one in the body. */
	static final float STRONG_BOOST = 20f;

	private static final int FACET_LIMIT = 50;

	private static final int FACET_TERMS = 5000;

	private static final String[] STRONG_FIELDS = { ReplyIndex.TITLE, ReplyIndex.HEADINGS };

	/** The letter's text weighs more than a figure's subject (as weights B and C did). */
	static final float BODY_BOOST = 2f;

	static final float SUBJECT_BOOST = 0.5f;

	private static final String[] OTHER_FIELDS = { ReplyIndex.NAMES, ReplyIndex.NUMBER_TEXT,
			ReplyIndex.INDEX_NUMBER_TEXT };

	/** The facets, each leaving out its own filter. */
	private enum Dimension {

		SESSION(ReplyIndex.SESSION_FACET), YEAR(ReplyIndex.YEAR), UNIT(ReplyIndex.UNIT_FACET),
		TOPIC(ReplyIndex.TOPIC_FACET), RESULT_CLASS(ReplyIndex.RESULT_CLASS), REGION(ReplyIndex.REGIONS);

		final String field;

		final AggregationKey<Map<Object, Long>> key;

		Dimension(String field) {
			this.field = field;
			this.key = AggregationKey.of(field);
		}

		boolean isFiltered(SearchCriteria criteria) {
			return switch (this) {
				case SESSION -> criteria.sessionId() != null;
				case YEAR -> criteria.year() != null;
				case UNIT -> criteria.unitId() != null;
				case TOPIC -> criteria.topicId() != null;
				case RESULT_CLASS -> criteria.resultClass() != null;
				case REGION -> criteria.region() != null;
			};
		}

	}

	private final EntityManager entityManager;

	private final AccessPolicy access;

	private final ReplyIndexCatchUp catchUp;

	private final ReplyReads replies;

	/** {@value #EXACT_TOTAL_UP_TO} unless {@code dafu.search.exact-total-up-to} says. */
	private volatile int exactUpTo;

	/** {@value #FACET_HITS} unless {@code dafu.search.facet-hits} says. */
	private volatile int facetHits;

	SearchService(EntityManager entityManager, AccessPolicy access, ReplyIndexCatchUp catchUp, ReplyReads replies,
			@Value("${dafu.search.exact-total-up-to:" + EXACT_TOTAL_UP_TO + "}") int exactUpTo,
			@Value("${dafu.search.facet-hits:" + FACET_HITS + "}") int facetHits) {
		this.exactUpTo = exactUpTo;
		this.facetHits = facetHits;
		this.replies = replies;
		this.entityManager = entityManager;
		this.access = access;
		this.catchUp = catchUp;
	}

	/**
	 * Matches are counted exactly up to this many; past it the total is a lower bound
	 * (shown as such) and the index stops scoring what cannot reach the page (Lucene's
	 * block-max WAND skips the blocks whose best score is below the page's last).
	 */
	public static final int EXACT_TOTAL_UP_TO = 1000;

	/** Up to how many matches a total is exact. */
	public int exactUpTo() {
		return this.exactUpTo;
	}

	/** Changes the bounds (tests); returns the previous ones. */
	int[] bounds(int exactUpTo, int facetHits) {
		int[] before = { this.exactUpTo, this.facetHits };
		this.exactUpTo = exactUpTo;
		this.facetHits = facetHits;
		return before;
	}

	/**
	 * The facets of a query count at most this many matches: the most relevant (or,
	 * sorted by date, the newest), all of them when there are no more.
	 */
	public static final int FACET_HITS = 1000;

	/**
	 * One page of results, ranked or newest first; the total exact up to
	 * {@value #EXACT_TOTAL_UP_TO}, a lower bound past it.
	 */
	public PageView<SearchHit> search(Viewer viewer, SearchCriteria criteria, Paging paging) {
		return searchNow(viewer, criteria, paging);
	}

	/**
	 * A page of results and the facets of the same search. With a query, the facets count
	 * the {@value #FACET_HITS} most relevant matches (all when there are no more): one
	 * query finds their ids, stopping as the page's does, and one counts the dimensions
	 * over those ids; each filtered dimension does the same once more, leaving its own
	 * filter out. When the page's matches were all counted and are no more than that, the
	 * unfiltered dimensions are counted over the same predicate directly (one query).
	 * Without a query every readable reply is counted.
	 */
	public Results searchWithFacets(Viewer viewer, SearchCriteria criteria, Paging paging) {
		PageView<SearchHit> page = searchNow(viewer, criteria, paging);
		// a page whose matches were all counted and are few: its unfiltered facets count
		// those matches directly, with no query for their ids
		boolean few = page.totalExact() && page.total() <= this.facetHits;
		return new Results(page, facetsNow(viewer, criteria, few));
	}

	/** A page of results with the facets of its search. */
	public record Results(PageView<SearchHit> page, Facets facets) {
	}

	private PageView<SearchHit> searchNow(Viewer viewer, SearchCriteria criteria, Paging paging) {
		SearchScope<Object> scope = scope();
		SearchResult<SearchHit> result = session().search(scope)
			.select(hit(scope.projection(), criteria))
			.where(where(scope.predicate(), viewer, criteria, null, false))
			.sort(sort(scope.sort(), criteria))
			.highlighter(SearchService::highlighter)
			.totalHitCountThreshold(this.exactUpTo)
			.fetch(deepestOffset(paging), deepestLimit(paging));
		return PageView.of(result.hits(), paging, result.total().hitCountLowerBound(),
				result.total().isHitCountExact());
	}

	/**
	 * Results are served down to the {@value #DEEPEST_RESULT}th: OpenSearch refuses to
	 * look further ({@code index.max_result_window}), and nobody pages that far. A page
	 * past it is empty, with the total still counted.
	 */
	static final int DEEPEST_RESULT = 10_000;

	static int deepestOffset(Paging paging) {
		return (int) Math.min(paging.offset(), DEEPEST_RESULT);
	}

	static int deepestLimit(Paging paging) {
		return Math.max(0, Math.min(paging.size(), DEEPEST_RESULT - deepestOffset(paging)));
	}

	/** Up to {@code limit} results in the criteria's order, for exports and feeds. */
	public List<SearchHit> first(Viewer viewer, SearchCriteria criteria, int limit) {
		return firstNow(viewer, criteria, limit);
	}

	/**
	 * Up to {@code limit} issued replies in the criteria's order, for the Atom feed: a
	 * feed announces published letters, so drafts stay out of it even for the viewers who
	 * may read them (they have no issue date to announce).
	 */
	public List<SearchHit> firstIssued(Viewer viewer, SearchCriteria criteria, int limit) {
		return firstNow(viewer, criteria, limit, true);
	}

	private List<SearchHit> firstNow(Viewer viewer, SearchCriteria criteria, int limit) {
		return firstNow(viewer, criteria, limit, false);
	}

	private List<SearchHit> firstNow(Viewer viewer, SearchCriteria criteria, int limit, boolean issuedOnly) {
		List<SearchHit> hits = new ArrayList<>();
		each(viewer, criteria, limit, issuedOnly, hits::add);
		return hits;
	}

	/**
	 * Up to {@code limit} results in the criteria's order, handed to {@code action} one
	 * at a time as the index delivers them ({@value #STREAM_FETCH} per round), for
	 * exports too large to hold in memory (the spreadsheet). The same query as
	 * {@link #first}.
	 */
	public void each(Viewer viewer, SearchCriteria criteria, int limit, Consumer<SearchHit> action) {
		each(viewer, criteria, limit, false, action);
	}

	private void each(Viewer viewer, SearchCriteria criteria, int limit, boolean issuedOnly,
			Consumer<SearchHit> action) {
		if (limit <= 0) {
			return;
		}
		SearchScope<Object> scope = scope();
		int delivered = 0;
		try (SearchScroll<SearchHit> scroll = session().search(scope)
			.select(hit(scope.projection(), criteria))
			.where(where(scope.predicate(), viewer, criteria, null, issuedOnly))
			.sort(sort(scope.sort(), criteria))
			.highlighter(SearchService::highlighter)
			.scroll(Math.min(STREAM_FETCH, limit))) {
			for (SearchScrollResult<SearchHit> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
				for (SearchHit hit : chunk.hits()) {
					action.accept(hit);
					if (++delivered >= limit) {
						return;
					}
				}
			}
		}
	}

	/**
	 * The six facets of a search, as {@link #searchWithFacets} counts them.
	 */
	public Facets facets(Viewer viewer, SearchCriteria criteria) {
		return facetsNow(viewer, criteria, false);
	}

	/**
	 * The six facets: the dimensions without a filter of their own together, each
	 * filtered dimension once more leaving its own filter out. With a query, over the
	 * {@value #FACET_HITS} first matches ({@link #aggregateTop}); without, over every
	 * readable reply in one query of the index (terms aggregations, no hits fetched).
	 */
	private Facets facetsNow(Viewer viewer, SearchCriteria criteria, boolean fewMatches) {
		Map<Dimension, Map<Object, Long>> counts = new HashMap<>();
		Set<Dimension> unfiltered = EnumSet.noneOf(Dimension.class);
		boolean every = true;
		for (Dimension d : Dimension.values()) {
			if (d.isFiltered(criteria)) {
				every &= count(viewer, criteria, d, EnumSet.of(d), counts);
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
				every &= count(viewer, criteria, null, unfiltered, counts);
			}
		}
		return facetsOf(counts, every ? 0 : this.facetHits);
	}

	/** Counts the dimensions into {@code counts}; whether every match was counted. */
	private boolean count(Viewer viewer, SearchCriteria criteria, Dimension leftOut, Set<Dimension> dimensions,
			Map<Dimension, Map<Object, Long>> counts) {
		if (criteria.hasQuery()) {
			return aggregateTop(viewer, criteria, leftOut, dimensions, counts);
		}
		counts.putAll(aggregate(viewer, criteria, leftOut, dimensions));
		return true;
	}

	/**
	 * The dimensions counted over the first {@value #FACET_HITS} matches in the search's
	 * order: their ids from one query (stopping early as a page does), then the terms
	 * aggregations over exactly those ids (and the access predicate again); whether these
	 * were all the matches.
	 */
	private boolean aggregateTop(Viewer viewer, SearchCriteria criteria, Dimension leftOut, Set<Dimension> dimensions,
			Map<Dimension, Map<Object, Long>> counts) {
		SearchScope<Object> scope = scope();
		SearchResult<Long> top = session().search(scope)
			.select((f) -> f.id(Long.class))
			.where(where(scope.predicate(), viewer, criteria, leftOut, false))
			.sort(sort(scope.sort(), criteria))
			.totalHitCountThreshold(this.facetHits)
			.fetch(this.facetHits);
		boolean every = top.total().isHitCountExact() && top.total().hitCount() <= this.facetHits;
		if (top.hits().isEmpty()) {
			dimensions.forEach((d) -> counts.put(d, Map.of()));
			return every;
		}
		var query = session().search(scope)
			.select((f) -> f.id())
			.where((f) -> f.and(ReplyVisibility.predicate(viewer, f), f.id().matchingAny(top.hits()).toPredicate()));
		for (Dimension d : dimensions) {
			query = query.aggregation(d.key, (f) -> terms(f, d));
		}
		SearchResult<?> result = query.fetch(0);
		dimensions.forEach((d) -> counts.put(d, result.aggregation(d.key)));
		return every;
	}

	private static Facets facetsOf(Map<Dimension, Map<Object, Long>> counts, int topHits) {
		return new Facets(sessions(counts.get(Dimension.SESSION)), years(counts.get(Dimension.YEAR)),
				labelled(counts.get(Dimension.UNIT)), labelled(counts.get(Dimension.TOPIC)),
				plain(counts.get(Dimension.RESULT_CLASS), Comparator.comparing(Facets.Count::value)),
				plain(counts.get(Dimension.REGION),
						Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value)),
				topHits);
	}

	private Map<Dimension, Map<Object, Long>> aggregate(Viewer viewer, SearchCriteria criteria, Dimension leftOut,
			Set<Dimension> dimensions) {
		SearchScope<Object> scope = scope();
		var query = session().search(scope)
			.select((f) -> f.id())
			.where(where(scope.predicate(), viewer, criteria, leftOut, false));
		for (Dimension d : dimensions) {
			query = query.aggregation(d.key, (f) -> terms(f, d));
		}
		SearchResult<?> result = query.fetch(0);
		Map<Dimension, Map<Object, Long>> counts = new HashMap<>();
		dimensions.forEach((d) -> counts.put(d, result.aggregation(d.key)));
		return counts;
	}

	private static AggregationFinalStep<Map<Object, Long>> terms(SearchAggregationFactory f, Dimension d) {
		return f.terms().field(d.field, Object.class, ValueModel.INDEX).maxTermCount(FACET_TERMS);
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

	/**
	 * The query's words (scored), and-ed with the access policy's predicate and the
	 * filters (not scored).
	 */
	private SearchPredicate where(SearchPredicateFactory f, Viewer viewer, SearchCriteria criteria, Dimension leftOut,
			boolean issuedOnly) {
		List<SearchPredicate> all = new ArrayList<>();
		all.add(ReplyVisibility.predicate(viewer, f));
		if (criteria.sessionId() != null && leftOut != Dimension.SESSION) {
			all.add(f.match().field(ReplyIndex.SESSION_ID).matching(criteria.sessionId()).toPredicate());
		}
		if (criteria.year() != null && leftOut != Dimension.YEAR) {
			all.add(f.match().field(ReplyIndex.YEAR).matching(criteria.year()).toPredicate());
		}
		if (criteria.unitId() != null && leftOut != Dimension.UNIT) {
			all.add(f.match().field(ReplyIndex.UNIT_ID).matching(criteria.unitId()).toPredicate());
		}
		if (criteria.deputyId() != null) {
			all.add(f.match().field(ReplyIndex.DEPUTY_IDS).matching(criteria.deputyId()).toPredicate());
		}
		if (criteria.topicId() != null && leftOut != Dimension.TOPIC) {
			all.add(f.match().field(ReplyIndex.TOPIC_ID).matching(criteria.topicId()).toPredicate());
		}
		if (criteria.resultClass() != null && leftOut != Dimension.RESULT_CLASS) {
			all.add(f.match()
				.field(ReplyIndex.RESULT_CLASS)
				.matching(criteria.resultClass(), ValueModel.INDEX)
				.toPredicate());
		}
		if (criteria.region() != null && leftOut != Dimension.REGION) {
			all.add(f.match().field(ReplyIndex.REGIONS).matching(criteria.region()).toPredicate());
		}
		if (criteria.since() != null) {
			// the last public change (V73, kept by triggers), or the first publication
			// here
			// of a letter imported with an earlier issue date: a client that asks for
			// what
			// changed since its last visit misses neither. Read from the database, where
			// triggers keep it, by its index (ix_reply_public_changed).
			List<Long> changed = this.replies.issuedChangedSince(criteria.since());
			all.add(changed.isEmpty() ? f.matchNone().toPredicate() : f.id().matchingAny(changed).toPredicate());
		}
		if (issuedOnly) {
			all.add(f.match().field(ReplyIndex.STATUS).matching("ISSUED", ValueModel.INDEX).toPredicate());
			all.add(f.exists().field(ReplyIndex.ISSUED_AT).toPredicate());
		}
		// the words score (BM25); the policy and the filters only filter: a scoring
		// clause that every hit matches would keep Lucene from skipping the documents
		// that cannot reach the page (block-max WAND)
		var and = f.bool();
		if (criteria.hasQuery()) {
			and.must(matching(f, criteria.query()));
		}
		all.forEach(and::filter);
		return and.toPredicate();
	}

	/**
	 * Every word, as a phrase of its tokens in one of the texts (a lone Chinese character
	 * as a prefix), with hits in the title or a heading weighing most; a 索引号 also as
	 * itself.
	 */
	private static SearchPredicate matching(SearchPredicateFactory f, SearchQuery query) {
		var words = f.bool();
		for (String word : query.words()) {
			if (SearchQuery.isLoneIdeograph(word)) {
				words.must(f.wildcard()
					.fields(STRONG_FIELDS)
					.boost(STRONG_BOOST)
					.field(ReplyIndex.BODY)
					.boost(BODY_BOOST)
					.field(ReplyIndex.SUBJECTS)
					.boost(SUBJECT_BOOST)
					.fields(OTHER_FIELDS)
					.matching(word + "*")
					.toPredicate());
			}
			else {
				words.must(f.phrase()
					.fields(STRONG_FIELDS)
					.boost(STRONG_BOOST)
					.field(ReplyIndex.BODY)
					.boost(BODY_BOOST)
					.field(ReplyIndex.SUBJECTS)
					.boost(SUBJECT_BOOST)
					.fields(OTHER_FIELDS)
					.matching(word)
					.toPredicate());
			}
		}
		String text = query.text().toUpperCase(Locale.ROOT);
		if (ReplyIndex.INDEX_NUMBER_PATTERN.matcher(text).matches()) {
			return f.or(words.toPredicate(), f.match().field(ReplyIndex.INDEX_NUMBER).matching(text).toPredicate())
				.toPredicate();
		}
		return words.toPredicate();
	}

	/**
	 * One fragment of each highlighted field, from the term vectors the index stores (no
	 * text analysed again per hit), marked with control characters that {@link Highlight}
	 * splits into escaped parts.
	 */
	private static HighlighterFinalStep highlighter(SearchHighlighterFactory h) {
		return h.fastVector()
			.tag(Highlight.START, Highlight.END)
			.fragmentSize(Highlight.LENGTH)
			.numberOfFragments(1)
			.noMatchSize(0);
	}

	/** Ranked: score, then newest first; else newest first (undated last), then by id. */
	private static SearchSort sort(SearchSortFactory f, SearchCriteria criteria) {
		var newest = f.composite()
			.add(f.field(ReplyIndex.DATE).desc().missing().last())
			.add(f.field(ReplyIndex.ID).desc());
		if (criteria.sort() == SearchCriteria.Sort.RELEVANCE && criteria.hasQuery()) {
			return f.composite().add(f.score()).add(newest).toSort();
		}
		return newest.toSort();
	}

	/**
	 * A hit's stored fields, its title marked, and one passage: the index's highlighter
	 * over the body (the term vectors of that one field, for the hits of the page only);
	 * when the body has no match, the first match in the headings or the figures'
	 * subjects (their stored text, marked here the same way).
	 */
	private static SearchProjection<SearchHit> hit(SearchProjectionFactory<?, ?> f, SearchCriteria criteria) {
		boolean highlight = criteria.hasQuery();
		List<String> words = highlight ? criteria.query().words() : List.of();
		return f.composite((List<?> v) -> {
			String title = (String) v.get(2);
			Highlight passage = highlight ? passage(v.get(15), v.get(16), v.get(17), words) : new Highlight(List.of());
			return new SearchHit((Long) v.get(0), (String) v.get(1), title, (Integer) v.get(3), (Long) v.get(4),
					(String) v.get(5), (Integer) v.get(6), (Long) v.get(7), (String) v.get(8), (String) v.get(9),
					(String) v.get(10), (String) v.get(11), (String) v.get(12), (LocalDate) v.get(13),
					(Instant) v.get(14), Highlight.whole((title != null) ? title : "", words), passage);
		}, f.id(Long.class), f.field(ReplyIndex.INDEX_NUMBER, String.class), f.field(ReplyIndex.TITLE, String.class),
				f.field(ReplyIndex.PROPOSAL_NUMBER, Integer.class), f.field(ReplyIndex.SESSION_ID, Long.class),
				f.field(ReplyIndex.SESSION_NAME, String.class), f.field(ReplyIndex.YEAR, Integer.class),
				f.field(ReplyIndex.UNIT_ID, Long.class), f.field(ReplyIndex.UNIT_NAME, String.class),
				f.field(ReplyIndex.TOPIC_NAME, String.class),
				f.field(ReplyIndex.RESULT_CLASS, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.STATUS, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.DISCLOSURE_MODE, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.DATE, LocalDate.class), f.field(ReplyIndex.ISSUED_AT, Instant.class),
				highlight ? f.highlight(ReplyIndex.BODY) : f.constant(List.of()),
				highlight ? f.field(ReplyIndex.HEADINGS, String.class).list() : f.constant(List.of()),
				highlight ? f.field(ReplyIndex.SUBJECTS, String.class).list() : f.constant(List.of()))
			.toProjection();
	}

	/**
	 * The body's first highlighted fragment; else a passage around the first match in the
	 * headings, else in the subjects.
	 */
	private static Highlight passage(Object body, Object headings, Object subjects, List<String> words) {
		if (body instanceof List<?> l && !l.isEmpty()) {
			return Highlight.fragment(l.get(0).toString());
		}
		for (Object texts : List.of(headings, subjects)) {
			if (texts instanceof List<?> l && !l.isEmpty()) {
				Highlight h = Highlight.passage(l.stream().map(String::valueOf).toList(), words);
				if (!h.isEmpty()) {
					return h;
				}
			}
		}
		return new Highlight(List.of());
	}

	private SearchSession session() {
		return Search.session(this.entityManager);
	}

	private SearchScope<Object> scope() {
		this.catchUp.catchUp();
		return session().scope(Object.class, List.of(ReplyIndex.ENTITY));
	}

}
