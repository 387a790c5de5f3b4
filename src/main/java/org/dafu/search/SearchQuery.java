package org.dafu.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A search query as typed, turned into the same tokens as the documents: every word (a
 * run of adjacent tokens in the query) must occur, its bigrams in a row (a phrase); the
 * words are and-ed, so they may sit in different sections. A lone Chinese character
 * matches as a prefix of the bigrams (光 finds 光伏). Built only from tokens, quoted, so no
 * operator typed by a visitor reaches PostgreSQL.
 *
 * @param text the query as typed (stripped)
 * @param tsquery the condition on the document
 * @param strongTsquery the same, restricted to weight A (title and headings), for ranking
 * @param words the words as typed, for highlighting
 */
public record SearchQuery(String text, String tsquery, String strongTsquery, List<String> words) {

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
		List<List<ChineseTokens.Token>> groups = new ArrayList<>();
		List<ChineseTokens.Token> group = new ArrayList<>();
		int end = -1;
		for (ChineseTokens.Token token : tokens) {
			if (!group.isEmpty() && token.start() > end) {
				groups.add(group);
				group = new ArrayList<>();
			}
			group.add(token);
			end = Math.max(end, token.end());
		}
		groups.add(group);
		List<String> all = new ArrayList<>();
		List<String> strong = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (List<ChineseTokens.Token> g : groups) {
			all.add(phrase(g, ""));
			strong.add(phrase(g, "A"));
			String word = text.substring(g.get(0).start(), g.get(g.size() - 1).end());
			if (!words.contains(word)) {
				words.add(word);
			}
		}
		words.sort(Comparator.comparingInt(String::length).reversed());
		return new Parsed(
				new SearchQuery(text, String.join(" & ", all), String.join(" & ", strong), List.copyOf(words)), null);
	}

	private static String phrase(List<ChineseTokens.Token> group, String weight) {
		StringBuilder out = new StringBuilder("(");
		ChineseTokens.Token previous = null;
		for (ChineseTokens.Token token : group) {
			if (previous != null) {
				int distance = token.position() - previous.position();
				out.append((distance <= 1) ? " <-> " : " <" + distance + "> ");
			}
			out.append(ChineseTokens.quote(token.text()));
			String suffix = (isLoneIdeograph(token) ? "*" : "") + weight;
			if (!suffix.isEmpty()) {
				out.append(':').append(suffix);
			}
			previous = token;
		}
		return out.append(')').toString();
	}

	private static boolean isLoneIdeograph(ChineseTokens.Token token) {
		String t = token.text();
		return t.codePointCount(0, t.length()) == 1 && Character.isIdeographic(t.codePointAt(0));
	}

	/** The result of parsing: a query, or a problem, or neither (no query given). */
	public record Parsed(SearchQuery query, Problem problem) {

		public Optional<SearchQuery> optionalQuery() {
			return Optional.ofNullable(this.query);
		}

	}

}
