package org.dafu.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dafu.testing.AsViewer;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The reply list's filters (届次, 承办单位, 代表, 年份, 办理结果): each narrows the list within what
 * the viewer may read, they combine, pagination keeps them, and a malformed one is
 * ignored with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReplyListFiltersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void eachFilterNarrowsTheListToWhatTheViewerMayRead() throws Exception {
		Scenario s = this.data.scenario();
		Scenario other = this.data.scenario();
		long a = this.data.issuedWith(s.proposalId(), s.unitId(), "T" + s.n(),
				TestData.letter("筛选甲", DisclosureMode.PROACTIVE, ResultClass.A));
		long hidden = this.data.issuedWith(s.proposalId(), s.unitId(), "T" + s.n(),
				TestData.letter("筛选隐", DisclosureMode.ON_REQUEST, ResultClass.A));
		long b = this.data.issuedWith(other.proposalId(), other.unitId(), "T" + other.n(),
				TestData.letter("筛选乙", DisclosureMode.PROACTIVE, ResultClass.B));
		assertThat(list(get("/replies").param("unit", id(s.unitId())))).contains(link(a))
			.doesNotContain(link(b), link(hidden));
		assertThat(list(get("/replies").param("session", id(other.sessionId())))).contains(link(b))
			.doesNotContain(link(a));
		assertThat(list(get("/replies").param("deputy", id(s.leadDeputyId())))).contains(link(a))
			.doesNotContain(link(b), link(hidden));
		assertThat(list(get("/replies").param("deputy", id(s.cosignerId())))).contains(link(a)).doesNotContain(link(b));
		assertThat(list(get("/replies").param("deputy", id(s.bystanderId())))).contains("共 0 件");
		assertThat(list(get("/replies").param("unit", id(s.unitId())).param("result", "B"))).contains("共 0 件");
		assertThat(list(get("/replies").param("unit", id(other.unitId())).param("result", "b").param("year", "2022")))
			.contains(link(b), "共 1 件");
		assertThat(list(get("/replies").param("unit", id(other.unitId())).param("year", "2021"))).contains("共 0 件");
		// the lead deputy also reads the reply that is not public, and only through the
		// policy
		String asLead = list(get("/replies").param("deputy", id(s.leadDeputyId())).with(AsViewer.as(s.lead())));
		assertThat(asLead).contains(link(a), link(hidden), "共 2 件");
		String asBystander = list(
				get("/replies").param("deputy", id(s.leadDeputyId())).with(AsViewer.as(s.bystander())));
		assertThat(asBystander).contains(link(a)).doesNotContain(link(hidden));
		// the chosen values stay selected
		assertThat(list(get("/replies").param("unit", id(s.unitId()))))
			.containsPattern("<option value=\"" + s.unitId() + "\" selected=\"selected\"");
	}

	@Test
	void paginationKeepsTheFilters() throws Exception {
		Scenario s = this.data.scenario();
		for (int i = 0; i < 25; i++) {
			this.data.issued(s, DisclosureMode.PROACTIVE, "分页筛选" + i);
		}
		// in the query string, as a browser sends it (MockMvc's param() sets no query
		// string)
		String first = list(get("/replies?unit={unit}&result=A", id(s.unitId())));
		assertThat(first).contains("共 25 件");
		Matcher next = Pattern.compile("href=\"([^\"]*)\" rel=\"next\"").matcher(first);
		assertThat(next.find()).isTrue();
		String href = next.group(1).replace("&amp;", "&");
		assertThat(href).contains("unit=" + s.unitId(), "result=A", "page=2");
		String second = list(get(href));
		assertThat(second).contains("共 25 件");
		Matcher previous = Pattern.compile("href=\"([^\"]*)\" rel=\"prev\"").matcher(second);
		assertThat(previous.find()).isTrue();
		assertThat(previous.group(1).replace("&amp;", "&")).contains("unit=" + s.unitId(), "result=A", "page=1");
	}

	@Test
	void malformedFiltersAreIgnoredWithAMessage() throws Exception {
		for (String[] bad : new String[][] { { "unit", "abc" }, { "session", "-1" }, { "deputy", "0" },
				{ "year", "<script>" }, { "year", "99999" }, { "result", "E" },
				{ "unit", "99999999999999999999999" } }) {
			String page = list(get("/replies").param(bad[0], bad[1]));
			assertThat(page).as("%s=%s", bad[0], bad[1]).contains("有筛选条件无效，已忽略。").doesNotContain("<script>");
		}
		assertThat(list(get("/replies").param("unit", "999999999"))).contains("共 0 件");
	}

	private String list(MockHttpServletRequestBuilder request) throws Exception {
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String link(long id) {
		return "href=\"/replies/" + id + "\"";
	}

	private static String id(long id) {
		return String.valueOf(id);
	}

}
