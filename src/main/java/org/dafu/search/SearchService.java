package org.dafu.search;

import java.sql.Timestamp;
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

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the index of replies (Hibernate Search, docs/search.md): ranked by BM25 with
 * title and heading hits first, or newest first; filtered, counted and faceted by the
 * index's aggregations; results projected from the index's stored fields (no entity is
 * loaded; no SQL runs, but for the {@code since} filter). Every search, count and facet
 * has the access policy's predicate in it: what the viewer may not read is never found,
 * counted or offered.
 */
@Service
@Transactional(readOnly = true)
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

	private final NamedParameterJdbcTemplate jdbc;

	SearchService(EntityManager entityManager, AccessPolicy access, ReplyIndexCatchUp catchUp,
			NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.access = access;
		this.catchUp = catchUp;
	}

	/** One page of results, ranked or newest first. */
	public PageView<SearchHit> search(Viewer viewer, SearchCriteria criteria, Paging paging) {
		return searchNow(viewer, criteria, paging);
	}

	/**
	 * A page of results and the facets of the same search: the dimensions without a
	 * filter of their own are counted by the query that finds the page, in the same pass
	 * over the matches; each filtered dimension takes one more query leaving its own
	 * filter out.
	 */
	public Results searchWithFacets(Viewer viewer, SearchCriteria criteria, Paging paging) {
		Set<Dimension> unfiltered = EnumSet.noneOf(Dimension.class);
		Map<Dimension, Map<Object, Long>> counts = new HashMap<>();
		for (Dimension d : Dimension.values()) {
			if (d.isFiltered(criteria)) {
				counts.putAll(aggregate(viewer, criteria, d, EnumSet.of(d)));
			}
			else {
				unfiltered.add(d);
			}
		}
		SearchScope<Object> scope = scope();
		var query = session().search(scope)
			.select(hit(scope.projection(), criteria))
			.where(where(scope.predicate(), viewer, criteria, null, false))
			.sort(sort(scope.sort(), criteria))
			.highlighter(SearchService::highlighter);
		for (Dimension d : unfiltered) {
			query = query.aggregation(d.key, (f) -> terms(f, d));
		}
		SearchResult<SearchHit> result = query.fetch(deepestOffset(paging), deepestLimit(paging));
		unfiltered.forEach((d) -> counts.put(d, result.aggregation(d.key)));
		return new Results(PageView.of(result.hits(), paging, result.total().hitCount()), facetsOf(counts));
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
			.fetch(deepestOffset(paging), deepestLimit(paging));
		return PageView.of(result.hits(), paging, result.total().hitCount());
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

	public Facets facets(Viewer viewer, SearchCriteria criteria) {
		return facetsNow(viewer, criteria);
	}

	/**
	 * The six facets: the dimensions without a filter of their own in one query of the
	 * index (terms aggregations, no hits fetched), each filtered dimension in one more
	 * leaving its own filter out.
	 */
	private Facets facetsNow(Viewer viewer, SearchCriteria criteria) {
		Map<Dimension, Map<Object, Long>> counts = new HashMap<>();
		Set<Dimension> unfiltered = EnumSet.noneOf(Dimension.class);
		for (Dimension d : Dimension.values()) {
			if (d.isFiltered(criteria)) {
				counts.putAll(aggregate(viewer, criteria, d, EnumSet.of(d)));
			}
			else {
				unfiltered.add(d);
			}
		}
		if (!unfiltered.isEmpty()) {
			counts.putAll(aggregate(viewer, criteria, null, unfiltered));
		}
		return facetsOf(counts);
	}

	private static Facets facetsOf(Map<Dimension, Map<Object, Long>> counts) {
		return new Facets(sessions(counts.get(Dimension.SESSION)), years(counts.get(Dimension.YEAR)),
				labelled(counts.get(Dimension.UNIT)), labelled(counts.get(Dimension.TOPIC)),
				plain(counts.get(Dimension.RESULT_CLASS), Comparator.comparing(Facets.Count::value)),
				plain(counts.get(Dimension.REGION),
						Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value)));
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

	/** The query's words, the filters and the access policy's predicate, and-ed. */
	private SearchPredicate where(SearchPredicateFactory f, Viewer viewer, SearchCriteria criteria, Dimension leftOut,
			boolean issuedOnly) {
		List<SearchPredicate> all = new ArrayList<>();
		all.add(this.access.replyPredicate(viewer, f));
		if (criteria.hasQuery()) {
			all.add(matching(f, criteria.query()));
		}
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
			List<Long> changed = this.jdbc.queryForList("""
					select r.id from reply r where r.status = 'ISSUED'
					   and (r.public_changed_at >= :since or r.created_at >= :since)""",
					Map.of("since", Timestamp.from(criteria.since())), Long.class);
			all.add(changed.isEmpty() ? f.matchNone().toPredicate() : f.id().matchingAny(changed).toPredicate());
		}
		if (issuedOnly) {
			all.add(f.match().field(ReplyIndex.STATUS).matching("ISSUED", ValueModel.INDEX).toPredicate());
			all.add(f.exists().field(ReplyIndex.ISSUED_AT).toPredicate());
		}
		var and = f.bool();
		all.forEach(and::must);
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

	private static SearchProjection<SearchHit> hit(SearchProjectionFactory<?, ?> f, SearchCriteria criteria) {
		boolean highlight = criteria.hasQuery();
		List<String> words = highlight ? criteria.query().words() : List.of();
		return f.composite((List<?> v) -> {
			String title = (String) v.get(2);
			Highlight passage = highlight ? passage(v.get(15), v.get(16), v.get(17)) : new Highlight(List.of());
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
				highlight ? f.highlight(ReplyIndex.HEADINGS) : f.constant(List.of()),
				highlight ? f.highlight(ReplyIndex.SUBJECTS) : f.constant(List.of()))
			.toProjection();
	}

	/**
	 * The first highlighted fragment: of the body, else the headings, else the subjects.
	 */
	private static Highlight passage(Object... fragments) {
		for (Object list : fragments) {
			if (list instanceof List<?> l && !l.isEmpty()) {
				return Highlight.fragment(l.get(0).toString());
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
