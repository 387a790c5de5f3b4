package org.dafu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.scope.SearchScope;

import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

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
 * <p>
 * Runs the searches that the module's other classes build: the predicates and the sort
 * ({@link SearchPredicates}), the hits' projection and highlighting
 * ({@link HitProjection}), the facets ({@link SearchFacets}).
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class SearchService {

	/** Results fetched per round trip when results are streamed ({@link #each}). */
	static final int STREAM_FETCH = 500;

	private final ReplyIndexScope index;

	private final SearchPredicates predicates;

	private final SearchFacets facets;

	/** {@value #EXACT_TOTAL_UP_TO} unless {@code dafu.search.exact-total-up-to} says. */
	private volatile int exactUpTo;

	/** {@value #FACET_HITS} unless {@code dafu.search.facet-hits} says. */
	private volatile int facetHits;

	SearchService(ReplyIndexScope index, SearchPredicates predicates, SearchFacets facets,
			@Value("${dafu.search.exact-total-up-to:" + EXACT_TOTAL_UP_TO + "}") int exactUpTo,
			@Value("${dafu.search.facet-hits:" + FACET_HITS + "}") int facetHits) {
		this.exactUpTo = exactUpTo;
		this.facetHits = facetHits;
		this.index = index;
		this.predicates = predicates;
		this.facets = facets;
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
		return new Results(page, this.facets.count(viewer, criteria, few, this.facetHits));
	}

	/** A page of results with the facets of its search. */
	public record Results(PageView<SearchHit> page, Facets facets) {
	}

	private PageView<SearchHit> searchNow(Viewer viewer, SearchCriteria criteria, Paging paging) {
		SearchScope<Object> scope = this.index.scope();
		SearchResult<SearchHit> result = this.index.session()
			.search(scope)
			.select(HitProjection.hit(scope.projection(), criteria))
			.where(this.predicates.where(scope.predicate(), viewer, criteria, null, false))
			.sort(SearchPredicates.sort(scope.sort(), criteria))
			.highlighter(HitProjection::highlighter)
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
		SearchScope<Object> scope = this.index.scope();
		int delivered = 0;
		try (SearchScroll<SearchHit> scroll = this.index.session()
			.search(scope)
			.select(HitProjection.hit(scope.projection(), criteria))
			.where(this.predicates.where(scope.predicate(), viewer, criteria, null, issuedOnly))
			.sort(SearchPredicates.sort(scope.sort(), criteria))
			.highlighter(HitProjection::highlighter)
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
	 * The seven facets of a search, as {@link #searchWithFacets} counts them.
	 */
	public Facets facets(Viewer viewer, SearchCriteria criteria) {
		return this.facets.count(viewer, criteria, false, this.facetHits);
	}

}
