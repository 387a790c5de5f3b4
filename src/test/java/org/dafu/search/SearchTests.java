package org.dafu.search;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplySearchIndex;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	SearchService search;

	@Autowired
	ReplySearchIndex index;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	static LetterContent letter(DisclosureMode mode, ResultClass resultClass, String heading1, String body1,
			String heading2, String body2, List<FigureContent> figures) {
		return new LetterContent(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 8), mode,
				(mode == DisclosureMode.PROACTIVE) ? null : "内部事项", null, "代表：", "您的建议收悉。", "感谢您的支持。", "测试单位",
				resultClass, List.of(new SectionContent(SectionKind.RESPONSE, heading1, body1, figures),
						new SectionContent(SectionKind.NEXT_STEPS, heading2, body2, List.of())));
	}

	static FigureContent figure(String subject, String region) {
		return new FigureContent(subject, new BigDecimal("12.5"), "万千瓦", FigureKind.ACHIEVEMENT, null, "1—9月", null,
				region, null, null, null, "1—9月，装机12.5万千瓦。");
	}

	long issued(Scenario s, LetterContent letter) {
		return this.data.issuedWith(s.proposalId(), s.unitId(), "T" + s.n(), letter);
	}

	static SearchCriteria inUnit(String q, Scenario s) {
		return new SearchCriteria(SearchQuery.parse(q).query(), null, null, s.unitId(), null, null, null, null);
	}

	static List<Long> ids(PageView<SearchHit> page) {
		return page.items().stream().map(SearchHit::id).toList();
	}

	@Test
	void pastTheExactCountTheTotalAndTheFacetsSayTheyAreNotExact() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		for (int i = 0; i < 4; i++) {
			this.data.issued(s, DisclosureMode.PROACTIVE, word);
		}
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		PageView<SearchHit> exact = this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 1));
		assertThat(exact.totalExact()).isTrue();
		assertThat(exact.total()).isEqualTo(4);
		assertThat(this.search.facets(Viewer.anonymous(), criteria).partial()).isFalse();
		this.mvc.perform(get("/search").param("q", word).param("size", "1"))
			.andExpect(content().string(containsString("共找到 4 件")))
			.andExpect(content().string(not(containsString("至少"))))
			.andExpect(content().string(not(containsString("最相关的前"))));
		int[] before = this.search.bounds(2, 2);
		try {
			PageView<SearchHit> bounded = this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 1));
			assertThat(bounded.totalExact()).isFalse();
			assertThat(bounded.total()).isBetween(2L, 4L);
			assertThat(bounded.items()).hasSize(1);
			assertThat(bounded.hasNext()).isTrue();
			Facets facets = this.search.facets(Viewer.anonymous(), criteria);
			assertThat(facets.partial()).isTrue();
			assertThat(facets.topHits()).isEqualTo(2);
			assertThat(facets.units()).extracting(Facets.Count::count).containsExactly(2L);
			this.mvc.perform(get("/search").param("q", word).param("size", "1"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("找到至少")))
				.andExpect(content().string(containsString("按最相关的前 2 件统计")))
				.andExpect(content().string(not(containsString("共找到"))))
				.andExpect(content().string(containsString("rel=\"next\"")));
			this.mvc.perform(get("/search").param("q", word).param("size", "1").param("lang", "en"))
				.andExpect(content().string(containsString("At least")))
				.andExpect(content().string(containsString("the 2 most relevant")));
			this.mvc.perform(get("/api/v1/replies").param("q", word).param("size", "1"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("\"totalExact\":false")));
		}
		finally {
			this.search.bounds(before[0], before[1]);
		}
	}

	/**
	 * A facet shown most results first offers its 50 most frequent values, taken from the
	 * index in that order: the deputies of two replies come first, before the deputies of
	 * one.
	 */
	@Test
	void theDeputyFacetOffersTheFiftyMostFrequentDeputies() {
		String word = TestData.cjkWord();
		List<Scenario> scenarios = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			Scenario s = this.data.scenario();
			scenarios.add(s);
			this.data.issued(s, DisclosureMode.PROACTIVE, word);
		}
		Scenario twice = scenarios.get(17);
		this.data.issuedWith(twice.proposalId(), twice.otherUnitId(), "U" + twice.n(), TestData.shortLetter(word,
				DisclosureMode.PROACTIVE, ResultClass.A, LocalDate.of(2022, 6, 1), List.of()));
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		List<Facets.Count> deputies = this.search.searchWithFacets(Viewer.anonymous(), criteria, Paging.of(1, 10))
			.facets()
			.deputies();
		// 52 deputies (a lead and a co-signer each), 50 offered, the two of both replies
		// first
		assertThat(deputies).hasSize(50);
		assertThat(deputies.subList(0, 2)).extracting(Facets.Count::value)
			.containsExactlyInAnyOrder(String.valueOf(twice.leadDeputyId()), String.valueOf(twice.cosignerId()));
		assertThat(deputies.subList(0, 2)).extracting(Facets.Count::count).containsExactly(2L, 2L);
		assertThat(deputies.subList(2, 50)).extracting(Facets.Count::count).containsOnly(1L);
	}

	@Test
	void aTwoCharacterQueryFindsEveryReplyContainingItWithHeadingHitsFirst() {
		Scenario s = this.data.scenario();
		long inBody = issued(s,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于产业", "大力推进屋顶光伏建设。", "下一步", "继续努力。", List.of()));
		long inHeading = issued(s,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于光伏发展", "稳步推进。", "下一步", "继续努力。", List.of()));
		long inFigure = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于能源", "稳步推进。", "下一步", "继续努力。",
				List.of(figure("光伏装机", "柯城区"))));
		long without = issued(s,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于交通", "光明大道伏笔。", "下一步", "继续努力。", List.of()));
		PageView<SearchHit> page = this.search.search(Viewer.anonymous(), inUnit("光伏", s), Paging.of(1, 20));
		assertThat(ids(page)).containsExactlyInAnyOrder(inBody, inHeading, inFigure).doesNotContain(without);
		assertThat(page.total()).isEqualTo(3);
		assertThat(ids(page).get(0)).isEqualTo(inHeading);
		// a hit only in a heading shows the heading as its passage
		SearchHit headingHit = page.items().get(0);
		assertThat(headingHit.passage().html()).contains("<mark>光伏</mark>");
		SearchHit bodyHit = page.items().stream().filter((h) -> h.id() == inBody).findFirst().orElseThrow();
		assertThat(bodyHit.passage().html()).contains("<mark>光伏</mark>");
	}

	@Test
	void thePassageIsTheSentencesAroundTheWordNotTheLettersStart() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord() + TestData.cjkWord();
		StringBuilder before = new StringBuilder("今年稳步推进各项工作。");
		for (int i = 1; i <= 12; i++) {
			before.append("第").append(i).append("项措施已经落实到位并取得明显成效。");
		}
		String after = "其余工作按计划推进。".repeat(12);
		long id = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于能源",
				before + "全面开展" + word + "试点建设。" + after, "下一步", "继续努力。", List.of()));
		PageView<SearchHit> page = this.search.search(Viewer.anonymous(),
				new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null, null, null),
				Paging.of(1, 20));
		assertThat(ids(page)).containsExactly(id);
		String passage = page.items().get(0).passage().html();
		// whole sentences around the word, about PASSAGE_LENGTH characters of them: not
		// the
		// letter's start, nor the whole body
		assertThat(passage).contains("全面开展<mark>" + word + "</mark>试点建设。").doesNotContain("今年").doesNotContain("第1项");
		String shown = passage.replace("<mark>", "").replace("</mark>", "").strip();
		assertThat(shown.length()).isBetween(word.length(), 3 * HitProjection.PASSAGE_LENGTH);
		assertThat(shown).matches("^(第[0-9]+项|全面开展|其余).*。$");
	}

	@Test
	void aQueryFoundOnlyInAFigureSubject() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long id = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.B, "一、关于能源", "稳步推进。", "下一步", "继续努力。",
				List.of(figure("储能电站" + word, "衢江区"))));
		PageView<SearchHit> page = this.search.search(Viewer.anonymous(),
				new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null, null, null),
				Paging.of(1, 20));
		assertThat(ids(page)).containsExactly(id);
		assertThat(page.items().get(0).passage().html()).contains("<mark>" + word + "</mark>");
	}

	@Test
	void wordsInDifferentSectionsAreFoundTogether() {
		Scenario s = this.data.scenario();
		String first = TestData.cjkWord();
		String second = TestData.cjkWord();
		long both = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于节能", "推进" + first + "工作。", "下一步",
				"加快" + second + "建设。", List.of()));
		long onlyFirst = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于节能", "推进" + first + "工作。",
				"下一步", "继续努力。", List.of()));
		PageView<SearchHit> page = this.search.search(Viewer.anonymous(), inUnit(first + " " + second, s),
				Paging.of(1, 20));
		assertThat(ids(page)).containsExactly(both);
		assertThat(ids(this.search.search(Viewer.anonymous(), inUnit(first, s), Paging.of(1, 20))))
			.containsExactlyInAnyOrder(both, onlyFirst);
		// the characters of a word must be adjacent: a word split by other text is no
		// match
		assertThat(ids(this.search.search(Viewer.anonymous(), inUnit("推进加快", s), Paging.of(1, 20)))).isEmpty();
	}

	@Test
	void theSearchPageHighlightsMatchesAndEscapesTheText() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		issued(s,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于安全",
						"<script>alert('x')</script>推进" + word + "建设\"><img src=x onerror=alert(1)>", "下一步", "继续努力。",
						List.of()));
		this.mvc.perform(get("/search").param("q", word))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark>" + word + "</mark>")))
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<img src=x"))));
	}

	@Test
	void undisclosedRepliesNeverAppearInResultsCountsOrFacets() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long onRequest = issued(s, letter(DisclosureMode.ON_REQUEST, ResultClass.C, "一、关于" + word, "正文。", "下一步",
				"继续努力。", List.of(figure("装机" + word, "保密区" + word))));
		long notPublic = issued(s,
				letter(DisclosureMode.NOT_PUBLIC, ResultClass.D, "一、关于" + word, "正文。", "下一步", "继续努力。", List.of()));
		long draft = this.data.draft(s, word);
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(word).query(), null, null, null, null, null,
				null, null);
		PageView<SearchHit> anonymous = this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 20));
		assertThat(anonymous.items()).isEmpty();
		assertThat(anonymous.total()).isZero();
		Facets facets = this.search.facets(Viewer.anonymous(), criteria);
		assertThat(facets.units()).isEmpty();
		assertThat(facets.regions()).isEmpty();
		assertThat(facets.resultClasses()).isEmpty();
		// the unit's facet count over everything does not count them either
		Facets all = this.search.facets(Viewer.anonymous(), SearchCriteria.all());
		assertThat(all.units()).noneMatch((c) -> c.value().equals(String.valueOf(s.unitId())));
		assertThat(all.regions()).noneMatch((c) -> c.value().contains(word));
		// the bystander deputy sees nothing; the lead sees the issued ones; the unit's
		// official also the draft; the coordinator all
		assertThat(this.search.search(s.bystander(), criteria, Paging.of(1, 20)).total()).isZero();
		assertThat(ids(this.search.search(s.lead(), criteria, Paging.of(1, 20)))).containsExactlyInAnyOrder(onRequest,
				notPublic);
		assertThat(ids(this.search.search(s.official(), criteria, Paging.of(1, 20))))
			.containsExactlyInAnyOrder(onRequest, notPublic, draft);
		assertThat(this.search.search(Viewer.coordinator("c"), criteria, Paging.of(1, 20)).total()).isEqualTo(3);
		assertThat(this.search.facets(s.lead(), criteria).units()).extracting(Facets.Count::count).containsExactly(2L);
		this.mvc.perform(get("/search").param("q", word))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("关于" + word))))
			.andExpect(content().string(not(containsString("保密区"))))
			.andExpect(content().string(containsString("共找到 0 件")));
		this.mvc.perform(get("/search").param("q", word).with(AsViewer.as(s.lead())))
			.andExpect(content().string(containsString("共找到 2 件")));
	}

	@Test
	void filtersNarrowTheResults() throws Exception {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long a = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于" + word, "正文。", "下一步", "继续。",
				List.of(figure("装机", "柯城区"))));
		long b = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.B, "一、关于" + word, "正文。", "下一步", "继续。",
				List.of(figure("装机", "衢江区"))));
		var query = SearchQuery.parse(word).query();
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, null, null, null, null, "B", null, null), Paging.of(1, 20))))
			.containsExactly(b);
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, null, null, null, null, null, "柯城区", null), Paging.of(1, 20))))
			.containsExactly(a);
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, s.sessionId(), 2022, s.unitId(), null, null, null, null), Paging.of(1, 20))))
			.containsExactlyInAnyOrder(a, b);
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, null, 2021, null, null, null, null, null), Paging.of(1, 20))))
			.isEmpty();
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, null, null, s.otherUnitId(), null, null, null, null), Paging.of(1, 20))))
			.isEmpty();
		Facets facets = this.search.facets(Viewer.anonymous(),
				new SearchCriteria(query, null, null, null, null, "B", null, null));
		// each facet leaves out its own filter: both classes stay offered
		assertThat(facets.resultClasses()).extracting(Facets.Count::value).containsExactly("A", "B");
		assertThat(facets.regions()).extracting(Facets.Count::value).containsExactly("衢江区");
		this.mvc.perform(get("/search").param("q", word).param("result", "A").param("sort", "date"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共找到 1 件")));
		this.mvc.perform(get("/search").param("q", word).param("unit", "abc").param("year", "<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有的筛选条件无效")))
			.andExpect(content().string(containsString("共找到 2 件")));
	}

	@Test
	void theDeputyFilterFindsRepliesToProposalsTheDeputyLedOrCosigned() throws Exception {
		Scenario s = this.data.scenario();
		Scenario other = this.data.scenario();
		String word = TestData.cjkWord();
		long mine = issued(s,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于" + word, "正文。", "下一步", "继续。", List.of()));
		issued(other, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于" + word, "正文。", "下一步", "继续。", List.of()));
		var query = SearchQuery.parse(word).query();
		for (long deputy : List.of(s.leadDeputyId(), s.cosignerId())) {
			assertThat(ids(this.search.search(Viewer.anonymous(),
					new SearchCriteria(query, null, null, null, null, null, null, null, null, deputy),
					Paging.of(1, 20))))
				.containsExactly(mine);
		}
		assertThat(ids(this.search.search(Viewer.anonymous(),
				new SearchCriteria(query, null, null, null, null, null, null, null, null, s.bystanderId()),
				Paging.of(1, 20))))
			.isEmpty();
		this.mvc.perform(get("/search").param("q", word).param("deputy", String.valueOf(s.leadDeputyId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共找到 1 件")))
			.andExpect(content().string(containsString("name=\"deputy\"")));
		this.mvc.perform(get("/search").param("q", word).param("deputy", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有的筛选条件无效")))
			.andExpect(content().string(containsString("共找到 2 件")));
	}

	/**
	 * The 代表 choices are the deputies of the results, with their counts (not every deputy
	 * of the congress), and a deputy chosen stays offered.
	 */
	@Test
	void theDeputyChoicesAreTheDeputiesOfTheResults() throws Exception {
		Scenario s = this.data.scenario();
		Scenario other = this.data.scenario();
		String word = TestData.cjkWord();
		issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于" + word, "正文。", "下一步", "继续。", List.of()));
		issued(other, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于" + word, "正文。", "下一步", "继续。", List.of()));
		this.mvc.perform(get("/search").param("q", word))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(matchesPattern("(?s).*<option value=\"" + s.leadDeputyId() + "\">[^<]*（1）</option>.*")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<option value=\"" + s.cosignerId() + "\">[^<]*（1）</option>.*")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<option value=\"" + other.leadDeputyId() + "\">[^<]*（1）</option>.*")))
			.andExpect(content().string(not(containsString("<option value=\"" + s.bystanderId() + "\""))));
		this.mvc.perform(get("/search").param("q", word).param("deputy", String.valueOf(s.bystanderId())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("<option value=\"" + s.bystanderId() + "\" selected=\"selected\">")))
			.andExpect(content()
				.string(matchesPattern("(?s).*<option value=\"" + s.leadDeputyId() + "\">[^<]*（1）</option>.*")));
	}

	@Test
	void theIndexFollowsCorrections() {
		Scenario s = this.data.scenario();
		String before = TestData.cjkWord();
		String after = TestData.cjkWord();
		long id = issued(s, letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于节能", "推进" + before + "。", "下一步", "继续。",
				List.of()));
		Viewer coordinator = Viewer.coordinator("c");
		int version = this.replies.readable(coordinator, id).version();
		this.corrections.correct(coordinator, id, version,
				letter(DisclosureMode.PROACTIVE, ResultClass.A, "一、关于节能", "推进" + after + "。", "下一步", "继续。", List.of()),
				"更正错字");
		assertThat(ids(this.search.search(Viewer.anonymous(), inUnit(after, s), Paging.of(1, 20)))).containsExactly(id);
		assertThat(ids(this.search.search(Viewer.anonymous(), inUnit(before, s), Paging.of(1, 20)))).isEmpty();
	}

	@Test
	void hostileAndOddQueriesGiveAClearAnswer() throws Exception {
		for (String q : List.of("' or 1=1 --", "%_\\", "'; drop table reply;--", "光伏 & | ! <-> :* ()", "a:*B", "\\'",
				"''''")) {
			this.mvc.perform(get("/search").param("q", q))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("Exception"))));
		}
		this.mvc.perform(get("/search").param("q", "光".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关键词太长了")));
		this.mvc.perform(get("/search").param("q", "，。！？……——"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有可检索的文字")));
		this.mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入关键词")))
			.andExpect(content().string(containsString("<label for=\"search-q\"")));
		this.mvc.perform(get("/search").param("q", "<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		this.mvc.perform(get("/search").param("q", "光伏").param("page", "99999999").param("size", "-5"))
			.andExpect(status().isOk());
	}

}
