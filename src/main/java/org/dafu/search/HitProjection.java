package org.dafu.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;

import org.dafu.reply.ReplyIndex;

/**
 * What a search returns of each hit: its stored fields projected from the index (no
 * entity loaded), its title marked, and one highlighted passage, from the index's
 * highlighter over the body or, failing that, from the headings or the figures' subjects.
 */
final class HitProjection {

	private HitProjection() {
	}

	/**
	 * One fragment of each highlighted field, from the term vectors the index stores (no
	 * text analysed again per hit), marked with control characters that {@link Highlight}
	 * splits into escaped parts.
	 */
	static HighlighterFinalStep highlighter(SearchHighlighterFactory h) {
		return h.fastVector()
			.tag(Highlight.START, Highlight.END)
			.fragmentSize(Highlight.LENGTH)
			.numberOfFragments(1)
			.noMatchSize(0);
	}

	/**
	 * A hit's stored fields, its title marked, and one passage: the index's highlighter
	 * over the body (the term vectors of that one field, for the hits of the page only);
	 * when the body has no match, the first match in the headings or the figures'
	 * subjects (their stored text, marked here the same way).
	 */
	static SearchProjection<SearchHit> hit(SearchProjectionFactory<?, ?> f, SearchCriteria criteria) {
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

}
