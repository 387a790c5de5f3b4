package org.dafu.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Cuts a query into the tokens the index holds (the chain of
 * {@link LuceneChineseAnalysis}): Chinese runs become overlapping bigrams (光伏装机 → 光伏 伏装
 * 装机), a lone Chinese character stays a unigram, Latin words and numbers stay whole,
 * lower-cased, full-width forms folded. {@link SearchQuery} groups them into words.
 */
final class ChineseTokens {

	private ChineseTokens() {
	}

	/**
	 * A token with its position (counting from 0, consecutive tokens of a run differ by
	 * one) and its offsets in the text.
	 */
	record Token(String text, int position, int start, int end) {
	}

	static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return tokens;
		}
		StandardTokenizer tokenizer = new StandardTokenizer();
		tokenizer.setReader(new StringReader(text));
		try (TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(tokenizer)))) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += Math.max(increment.getPositionIncrement(), 0);
				tokens.add(new Token(term.toString(), Math.max(position, 0), offset.startOffset(), offset.endOffset()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

}
