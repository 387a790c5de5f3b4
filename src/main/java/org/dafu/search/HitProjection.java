package org.dafu.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;

import org.dafu.reply.ReplyIndex;

/**
 * What a search returns of each hit: its stored fields projected from the index (no
 * entity loaded), its title marked, and one passage around the first match in the body,
 * else in the headings, else in the figures' subjects, cut from their stored text and
 * marked here ({@link Highlight}): no term vectors are stored or decoded, and no text is
 * analysed again.
 */
final class HitProjection {

	private HitProjection() {
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
				highlight ? f.field(ReplyIndex.BODY, String.class).list() : f.constant(List.of()),
				highlight ? f.field(ReplyIndex.HEADINGS, String.class).list() : f.constant(List.of()),
				highlight ? f.field(ReplyIndex.SUBJECTS, String.class).list() : f.constant(List.of()))
			.toProjection();
	}

	/**
	 * A passage around the first match in the body, else in the headings, else in the
	 * subjects.
	 */
	private static Highlight passage(Object body, Object headings, Object subjects, List<String> words) {
		List<String> texts = new ArrayList<>();
		for (Object values : List.of(body, headings, subjects)) {
			if (values instanceof List<?> l) {
				l.forEach((t) -> texts.add(String.valueOf(t)));
			}
		}
		return Highlight.passage(texts, words);
	}

}
