package org.dafu.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;

import org.dafu.access.Viewer;
import org.dafu.reply.ReplyIndex;
import org.dafu.reply.ReplyReads;
import org.dafu.reply.ReplyVisibility;

import org.springframework.stereotype.Component;

/**
 * What a search looks for and in which order, from its {@link SearchCriteria}: the
 * query's words (scored by BM25, title and headings weighing most), and-ed with the
 * access policy's predicate and the filters (not scored); the sort by relevance or newest
 * first. The {@code since} filter is the only one read from the database.
 */
@Component
class SearchPredicates {

	/** How much more a word in the title or a heading weighs than one elsewhere. */
	static final float STRONG_BOOST = 20f;

	private final ReplyReads replies;

	SearchPredicates(ReplyReads replies) {
		this.replies = replies;
	}

	/**
	 * The query's words (scored), and-ed with the access policy's predicate and the
	 * filters (not scored).
	 */
	SearchPredicate where(SearchPredicateFactory f, Viewer viewer, SearchCriteria criteria, FacetDimension leftOut,
			boolean issuedOnly) {
		List<SearchPredicate> all = new ArrayList<>();
		all.add(ReplyVisibility.predicate(viewer, f));
		if (criteria.sessionId() != null && leftOut != FacetDimension.SESSION) {
			all.add(f.match().field(ReplyIndex.SESSION_ID).matching(criteria.sessionId()).toPredicate());
		}
		if (criteria.year() != null && leftOut != FacetDimension.YEAR) {
			all.add(f.match().field(ReplyIndex.YEAR).matching(criteria.year()).toPredicate());
		}
		if (criteria.unitId() != null && leftOut != FacetDimension.UNIT) {
			all.add(f.match().field(ReplyIndex.UNIT_ID).matching(criteria.unitId()).toPredicate());
		}
		if (criteria.deputyId() != null && leftOut != FacetDimension.DEPUTY) {
			all.add(f.match().field(ReplyIndex.DEPUTY_IDS).matching(criteria.deputyId()).toPredicate());
		}
		if (criteria.topicId() != null && leftOut != FacetDimension.TOPIC) {
			all.add(f.match().field(ReplyIndex.TOPIC_ID).matching(criteria.topicId()).toPredicate());
		}
		if (criteria.resultClass() != null && leftOut != FacetDimension.RESULT_CLASS) {
			all.add(f.match()
				.field(ReplyIndex.RESULT_CLASS)
				.matching(criteria.resultClass(), ValueModel.INDEX)
				.toPredicate());
		}
		if (criteria.region() != null && leftOut != FacetDimension.REGION) {
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
	 * Every word, as a phrase of its tokens (a lone Chinese character as a prefix), in
	 * the title or in the one field that holds every other text
	 * ({@link ReplyIndex#TEXT}): the title weighs more, and the same phrase in a heading
	 * (those are in that field too) adds to the score, so that those hits rank first. A
	 * 索引号 also matches as itself.
	 */
	private static SearchPredicate matching(SearchPredicateFactory f, SearchQuery query) {
		var words = f.bool();
		for (String word : query.words()) {
			var one = f.bool();
			var where = f.bool();
			if (SearchQuery.isLoneIdeograph(word)) {
				where.should(f.wildcard().field(ReplyIndex.TEXT).matching(word + "*"));
				where.should(f.wildcard().field(ReplyIndex.TITLE).matching(word + "*").boost(STRONG_BOOST));
				one.should(f.wildcard().field(ReplyIndex.HEADINGS).matching(word + "*").boost(STRONG_BOOST));
			}
			else {
				where.should(f.phrase().field(ReplyIndex.TEXT).matching(word));
				where.should(f.phrase().field(ReplyIndex.TITLE).matching(word).boost(STRONG_BOOST));
				one.should(f.phrase().field(ReplyIndex.HEADINGS).matching(word).boost(STRONG_BOOST));
			}
			one.must(where.toPredicate());
			words.must(one.toPredicate());
		}
		String text = query.text().toUpperCase(Locale.ROOT);
		if (ReplyIndex.INDEX_NUMBER_PATTERN.matcher(text).matches()) {
			return f.or(words.toPredicate(), f.match().field(ReplyIndex.INDEX_NUMBER).matching(text).toPredicate())
				.toPredicate();
		}
		return words.toPredicate();
	}

	/** Ranked: score, then newest first; else newest first (undated last), then by id. */
	static SearchSort sort(SearchSortFactory f, SearchCriteria criteria) {
		var newest = f.composite()
			.add(f.field(ReplyIndex.DATE).desc().missing().last())
			.add(f.field(ReplyIndex.ID).desc());
		if (criteria.sort() == SearchCriteria.Sort.RELEVANCE && criteria.hasQuery()) {
			return f.composite().add(f.score()).add(newest).toSort();
		}
		return newest.toSort();
	}

}
