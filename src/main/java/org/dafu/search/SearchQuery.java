package org.dafu.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A search query as typed, cut into words by the same tokens as the index: a word is a
 * run of adjacent tokens (光伏装机, 第4号, a 索引号's parts); its tokens must occur in a row (a
 * phrase), and all words must occur, maybe in different sections. A lone Chinese
 * character matches as a prefix of the bigrams (光 finds 光伏). Only words reach the index,
 * as phrases: no operator typed by a visitor is ever interpreted.
 *
 * @param text the query as typed (stripped)
 * @param words the words, longest first, each once (also what is highlighted in titles)
 */
public record SearchQuery(String text, List<String> words) {

	public static final int MAX_LENGTH = 100;

	/** Why a query cannot be searched. */
	public enum Problem {

		TOO_LONG, NO_WORDS

	}

	/** The query, or the problem with it; an empty query is {@code null} (no query). */
	public static Parsed parse(String q) {
		if (q == null || q.isBlank()) {
			return new Parsed(null, null);
		}
		String text = q.strip();
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			return new Parsed(null, Problem.TOO_LONG);
		}
		List<ChineseTokens.Token> tokens = ChineseTokens.of(text);
		if (tokens.isEmpty()) {
			return new Parsed(null, Problem.NO_WORDS);
		}
		List<String> words = new ArrayList<>();
		int start = -1;
		int end = -1;
		for (ChineseTokens.Token token : tokens) {
			if (start >= 0 && token.start() > end) {
				add(words, text.substring(start, end));
				start = -1;
			}
			if (start < 0) {
				start = token.start();
			}
			end = Math.max(end, token.end());
		}
		add(words, text.substring(start, end));
		words.sort(Comparator.comparingInt(String::length).reversed());
		return new Parsed(new SearchQuery(text, List.copyOf(words)), null);
	}

	private static void add(List<String> words, String word) {
		if (!words.contains(word)) {
			words.add(word);
		}
	}

	/** A lone Chinese character: matched as the prefix of the bigrams. */
	static boolean isLoneIdeograph(String word) {
		return word.codePointCount(0, word.length()) == 1 && Character.isIdeographic(word.codePointAt(0));
	}

	/** The result of parsing: a query, or a problem, or neither (no query given). */
	public record Parsed(SearchQuery query, Problem problem) {

		public Optional<SearchQuery> optionalQuery() {
			return Optional.ofNullable(this.query);
		}

	}

}
