package org.dafu.search;

import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.platform.web.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample letter of the demo data is found by its deputy, its unit, its proposal's
 * number and its 索引号, not only by its text.
 */
@SpringBootTest(properties = "dafu.demo.enabled=true")
@AutoConfigureMockMvc
class SearchDemoDataTests {

	static final String SAMPLE = "11330800002618015K/2022-137066";

	@Autowired
	MockMvc mvc;

	@Autowired
	SearchService search;

	@Autowired
	JdbcTemplate jdbc;

	List<String> found(String q) {
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse(q).query(), null, null, null, null, null, null,
				null);
		return this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 100))
			.items()
			.stream()
			.map(SearchHit::indexNumber)
			.toList();
	}

	@Test
	void theSampleLetterIsFoundByItsDeputy() {
		assertThat(found("朱伟正")).contains(SAMPLE);
	}

	@Test
	void theSampleLetterIsFoundByItsUnit() {
		assertThat(found("衢州市人民政府办公室")).contains(SAMPLE);
	}

	/**
	 * Among its unit's replies: other tests' letters answer proposals numbered 4 as well,
	 * newer than the sample, and a page holds at most 100.
	 */
	@Test
	void theSampleLetterIsFoundByItsProposalNumber() {
		Long unit = this.jdbc.queryForObject("select id from handling_unit where name = ?", Long.class, "衢州市人民政府办公室");
		SearchCriteria criteria = new SearchCriteria(SearchQuery.parse("第4号").query(), null, null, unit, null, null,
				null, null);
		assertThat(this.search.search(Viewer.anonymous(), criteria, Paging.of(1, 100)).items())
			.extracting(SearchHit::indexNumber)
			.contains(SAMPLE);
	}

	@Test
	void theSampleLetterIsFoundByItsIndexNumber() throws Exception {
		assertThat(found(SAMPLE)).containsExactly(SAMPLE);
		assertThat(found(SAMPLE.toLowerCase(java.util.Locale.ROOT))).containsExactly(SAMPLE);
		this.mvc.perform(get("/search").param("q", SAMPLE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共找到 1 件")))
			.andExpect(content().string(containsString(SAMPLE)));
	}

	@Test
	void theSampleLetterIsFoundByTwoCharacterWordsOfItsText() {
		assertThat(found("蓄能")).contains(SAMPLE);
		assertThat(found("光伏")).contains(SAMPLE);
	}

}
