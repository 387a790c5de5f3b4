package org.dafu.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

	@Test
	void chineseIsCutIntoBigramsAndWordsBecomePhrases() {
		assertThat(ChineseTokens.of("抽水蓄能").stream().map(ChineseTokens.Token::text).toList()).containsExactly("抽水",
				"水蓄", "蓄能");
		SearchQuery q = SearchQuery.parse(" 抽水蓄能  光伏 ").query();
		assertThat(q.tsquery()).isEqualTo("('抽水' <-> '水蓄' <-> '蓄能') & ('光伏')");
		assertThat(q.strongTsquery()).isEqualTo("('抽水':A <-> '水蓄':A <-> '蓄能':A) & ('光伏':A)");
		assertThat(q.words()).containsExactly("抽水蓄能", "光伏");
	}

	@Test
	void aLoneCharacterIsAPrefixAndLatinIsLowerCased() {
		assertThat(SearchQuery.parse("光").query().tsquery()).isEqualTo("('光':*)");
		assertThat(SearchQuery.parse("ＡＢＣ Pv").query().tsquery()).isEqualTo("('abc') & ('pv')");
	}

	@Test
	void operatorsAndQuotesAreNeverPassedOn() {
		SearchQuery q = SearchQuery.parse("it's & | ! <-> :* ( )").query();
		assertThat(q.tsquery()).isEqualTo("('it''s')");
		assertThat(SearchQuery.parse("，。！").problem()).isEqualTo(SearchQuery.Problem.NO_WORDS);
		assertThat(SearchQuery.parse("光".repeat(101)).problem()).isEqualTo(SearchQuery.Problem.TOO_LONG);
		assertThat(SearchQuery.parse("   ").query()).isNull();
		assertThat(SearchQuery.parse("   ").problem()).isNull();
	}

	@Test
	void theDocumentKeepsPositionsAndWeights() {
		String doc = new SearchDocument().add("光伏", 'A').add("光伏装机", 'B').tsvector();
		assertThat(doc).isEqualTo("'光伏':1A,11B '伏装':12B '装机':13B");
	}

	@Test
	void highlightingEscapesFirstThenMarks() {
		Highlight h = Highlight.passage(List.of("<b>光伏</b> & 光伏"), List.of("光伏"));
		assertThat(h.html()).isEqualTo("&lt;b&gt;<mark>光伏</mark>&lt;/b&gt; &amp; <mark>光伏</mark>");
	}

}
