package org.dafu.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;

import org.dafu.reply.ReplyIndex;

/**
 * What a search returns of each hit: its stored fields projected from the index (no
 * entity loaded), its title marked, and one passage from the index's fast vector
 * highlighter over the field the query searches ({@link ReplyIndex#TEXT}: the letter's
 * texts first, then names and numbers). The highlighter reads each hit's matches from the
 * field's term vectors (positions and offsets): on Lucene it cost a third less than the
 * unified highlighter over the same term vectors, which also weighs every match against
 * the query again (docs/benchmarks.md, ninth run).
 */
final class HitProjection {

	private HitProjection() {
	}

	/** About how many characters of the letter a passage shows around its matches. */
	static final int PASSAGE_LENGTH = 100;

	/**
	 * One fragment: the part of about {@value #PASSAGE_LENGTH} characters with the best
	 * matches, widened to whole sentences, its matches between control characters that
	 * {@link Highlight#fragment} splits into parts escaped when shown; none when only the
	 * title matched.
	 */
	static HighlighterFinalStep highlighter(SearchHighlighterFactory h) {
		return h.fastVector()
			.tag(Highlight.START, Highlight.END)
			.numberOfFragments(1)
			.noMatchSize(0)
			.orderByScore(true)
			.fragmentSize(PASSAGE_LENGTH)
			.boundaryScanner()
			.sentence()
			.locale(Locale.CHINA)
			.end();
	}

	/**
	 * A hit's stored fields, its title marked, and one passage (for the hits of the page
	 * only).
	 */
	static SearchProjection<SearchHit> hit(SearchProjectionFactory<?, ?> f, SearchCriteria criteria) {
		boolean highlight = criteria.hasQuery();
		List<String> words = highlight ? criteria.query().words() : List.of();
		return f.composite((List<?> v) -> {
			String title = (String) v.get(2);
			return new SearchHit((Long) v.get(0), (String) v.get(1), title, (Integer) v.get(3), (Long) v.get(4),
					(String) v.get(5), (Integer) v.get(6), (Long) v.get(7), (String) v.get(8), (String) v.get(9),
					(String) v.get(10), (String) v.get(11), (String) v.get(12), (LocalDate) v.get(13),
					(Instant) v.get(14), Highlight.whole((title != null) ? title : "", words), passage(v.get(15)));
		}, f.id(Long.class), f.field(ReplyIndex.INDEX_NUMBER, String.class), f.field(ReplyIndex.TITLE, String.class),
				f.field(ReplyIndex.PROPOSAL_NUMBER, Integer.class), f.field(ReplyIndex.SESSION_ID, Long.class),
				f.field(ReplyIndex.SESSION_NAME, String.class), f.field(ReplyIndex.YEAR, Integer.class),
				f.field(ReplyIndex.UNIT_ID, Long.class), f.field(ReplyIndex.UNIT_NAME, String.class),
				f.field(ReplyIndex.TOPIC_NAME, String.class),
				f.field(ReplyIndex.RESULT_CLASS, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.STATUS, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.DISCLOSURE_MODE, String.class, ValueModel.INDEX),
				f.field(ReplyIndex.DATE, LocalDate.class), f.field(ReplyIndex.ISSUED_AT, Instant.class),
				highlight ? f.highlight(ReplyIndex.TEXT) : f.constant(List.of()))
			.toProjection();
	}

	/**
	 * The highlighter's first fragment, if any. It returns only passages with a match
	 * ({@code noMatchSize} 0); a fragment that comes back without tags all the same is
	 * marked whole.
	 */
	private static Highlight passage(Object fragments) {
		if (fragments instanceof List<?> l && !l.isEmpty()) {
			String fragment = l.get(0).toString();
			boolean tagged = fragment.contains(Highlight.START);
			return Highlight.fragment(tagged ? fragment : Highlight.START + fragment.strip() + Highlight.END);
		}
		return new Highlight(List.of());
	}

}
