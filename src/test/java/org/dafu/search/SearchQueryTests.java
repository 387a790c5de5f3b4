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
		assertThat(q.words()).containsExactly("抽水蓄能", "光伏");
	}

	@Test
	void aLoneCharacterIsAPrefix() {
		assertThat(SearchQuery.parse("光").query().words()).containsExactly("光");
		assertThat(SearchQuery.isLoneIdeograph("光")).isTrue();
		assertThat(SearchQuery.isLoneIdeograph("光伏")).isFalse();
		assertThat(SearchQuery.isLoneIdeograph("a")).isFalse();
		assertThat(SearchQuery.parse("ＡＢＣ Pv").query().words()).containsExactlyInAnyOrder("ＡＢＣ", "Pv");
	}

	@Test
	void operatorsAndQuotesAreNeverPassedOn() {
		SearchQuery q = SearchQuery.parse("it's & | ! <-> :* ( )").query();
		assertThat(q.words()).containsExactly("it's");
		assertThat(SearchQuery.parse("11330800002618015K/2022-137066").query().words())
			.containsExactlyInAnyOrder("11330800002618015K", "2022", "137066");
		assertThat(SearchQuery.parse("，。！").problem()).isEqualTo(SearchQuery.Problem.NO_WORDS);
		assertThat(SearchQuery.parse("光".repeat(101)).problem()).isEqualTo(SearchQuery.Problem.TOO_LONG);
		assertThat(SearchQuery.parse("   ").query()).isNull();
		assertThat(SearchQuery.parse("   ").problem()).isNull();
	}

	@Test
	void highlightingEscapesFirstThenMarks() {
		Highlight h = Highlight.whole("<b>光伏</b> & 光伏", List.of("光伏"));
		assertThat(h.html()).isEqualTo("&lt;b&gt;<mark>光伏</mark>&lt;/b&gt; &amp; <mark>光伏</mark>");
	}

	@Test
	void theIndexHighlighterFragmentIsSplitIntoEscapedParts() {
		Highlight h = Highlight.fragment("<script>" + Highlight.START + "光伏" + Highlight.END + Highlight.START + "装机"
				+ Highlight.END + "</script>&");
		assertThat(h.segments()).containsExactly(new Highlight.Segment("<script>", false),
				new Highlight.Segment("光伏装机", true), new Highlight.Segment("</script>&", false));
		assertThat(h.html()).isEqualTo("&lt;script&gt;<mark>光伏装机</mark>&lt;/script&gt;&amp;");
	}

}
