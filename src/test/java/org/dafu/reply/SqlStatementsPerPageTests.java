package org.dafu.reply;

import java.util.List;

import org.dafu.testing.SqlStatementCounter;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public pages cost a small, stated number of SQL statements, whatever the letter's
 * size or the page's depth (docs/benchmarks.md, "SQL statements per page"). Counted with
 * the page cache off, on every statement the request's thread sends.
 */
@SpringBootTest(properties = "dafu.page-cache.enabled=false")
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, SqlStatementCounter.class })
class SqlStatementsPerPageTests {

	/** The reply with its proposal, unit and corrections; its sections with figures. */
	static final int LETTER = 2;

	/** The result cache's version check; the page's rows (a seek at any depth). */
	static final int LIST = 2;

	/** A list page whose page boundaries and count were not cached yet. */
	static final int LIST_FIRST_AFTER_CHANGE = 3;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Test
	void aLetterIsTwoStatementsWhateverItsSectionsFiguresAndCorrections() throws Exception {
		Scenario s = this.data.scenario();
		long id = this.data.issued(s, DisclosureMode.PROACTIVE, "计数页");
		ReplyView issued = this.replies.readable(s.official(), id);
		this.replies.correct(s.official(), id, issued.version(), issued.content(), "更正一");
		ReplyView corrected = this.replies.readable(s.official(), id);
		assertThat(corrected.sections()).hasSizeGreaterThan(1);
		assertThat(corrected.figures()).isNotEmpty();
		List<String> statements = count(get("/replies/{id}", id), "计数页");
		assertThat(statements).as("%s", statements).hasSizeLessThanOrEqualTo(LETTER);
		assertThat(count(get("/replies/index/" + corrected.indexNumber()), "更正一")).hasSizeLessThanOrEqualTo(LETTER);
	}

	@Test
	void listPagesAndTheHomePageAreAFewStatementsAtAnyDepth() throws Exception {
		Scenario s = this.data.scenario();
		long newest = 0;
		for (int i = 0; i < 45; i++) {
			newest = this.data.issued(s, DisclosureMode.PROACTIVE, "计数列表" + i);
		}
		String link = "/replies/" + newest + "\"";
		List<String> first = count(get("/replies"), link);
		assertThat(first).as("%s", first).hasSizeLessThanOrEqualTo(LIST_FIRST_AFTER_CHANGE);
		assertThat(count(get("/replies"), link)).hasSizeLessThanOrEqualTo(LIST);
		assertThat(count(get("/replies").param("page", "2"), "/replies/")).hasSizeLessThanOrEqualTo(LIST);
		String last = this.mvc.perform(get("/replies"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*第 [\\d,]+ / ([\\d,]+) 页.*", "$1")
			.replace(",", "");
		List<String> deep = count(get("/replies").param("page", last), "/replies/");
		assertThat(deep).as("%s", deep).hasSizeLessThanOrEqualTo(LIST);
		// the same work at any depth: a seek, neither skipping rows nor counting them
		List<String> second = count(get("/replies").param("page", "2"), "/replies/");
		assertThat(deep).isEqualTo(second)
			.noneSatisfy((sql) -> assertThat(sql).containsIgnoringCase("offset"))
			.noneSatisfy((sql) -> assertThat(sql).containsIgnoringCase("count("));
		assertThat(count(get("/"), link)).hasSizeLessThanOrEqualTo(LIST);
	}

	private List<String> count(MockHttpServletRequestBuilder request, String expected) throws Exception {
		return SqlStatementCounter.record(() -> this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(expected))));
	}

}
