package org.dafu.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code tsvector} of a reply from its texts, each with a weight: the tokens
 * of {@link ChineseTokens} with their positions, so that phrase queries ({@code <->})
 * work. Separate texts (a heading, a body, a subject) are kept apart by a gap of
 * positions, so that a phrase never matches across a boundary by accident; the words of a
 * multi-word query still match anywhere in the reply.
 */
final class SearchDocument {

	/** PostgreSQL keeps positions up to 16383 and 256 of them per lexeme. */
	private static final int MAX_POSITION = 16_383;

	private static final int MAX_POSITIONS_PER_LEXEME = 256;

	private static final int GAP = 10;

	private final Map<String, List<String>> positions = new LinkedHashMap<>();

	private int next = 1;

	/** Adds one text with weight A, B, C or D. */
	SearchDocument add(String text, char weight) {
		List<ChineseTokens.Token> tokens = ChineseTokens.of(text);
		if (tokens.isEmpty()) {
			return this;
		}
		int base = this.next;
		int last = base;
		for (ChineseTokens.Token token : tokens) {
			int position = Math.min(base + token.position(), MAX_POSITION);
			last = position;
			List<String> list = this.positions.computeIfAbsent(token.text(), (k) -> new ArrayList<>());
			if (list.size() < MAX_POSITIONS_PER_LEXEME) {
				list.add(position + String.valueOf(weight));
			}
		}
		this.next = Math.min(last + GAP, MAX_POSITION);
		return this;
	}

	/** The document in tsvector input syntax, e.g. {@code '光伏':3A,40B 'ab':7C}. */
	String tsvector() {
		StringBuilder out = new StringBuilder();
		this.positions.forEach((lexeme, list) -> {
			if (out.length() > 0) {
				out.append(' ');
			}
			out.append(ChineseTokens.quote(lexeme)).append(':').append(String.join(",", list));
		});
		return out.toString();
	}

}
