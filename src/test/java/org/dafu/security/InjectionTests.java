package org.dafu.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;

import org.dafu.access.Role;
import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Promise 14 of docs/security.md: no injection, sort keys from an allow-list. Every list
 * page on main gets SQL metacharacters, LIKE wildcards, unknown sort keys and
 * out-of-range page numbers in each of its parameters (and in sort/order parameters it
 * does not have): the answer is 200 or 400, never a 500; unknown sort keys leave the rows
 * as they were; wildcards match only themselves; the tables are still there afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class InjectionTests {

	static final List<String> HOSTILE = List.of("'", "';--", "1;--", "1); drop table reply;--", "' or '1'='1", "%", "_",
			"%%", "\\", "-1", "0", "99999999", "2147483648", "1e9", "id desc", "r.id; select 1", "<script>", "\u0000");

	/** Parameters no list page has: unknown sort keys must change nothing. */
	static final List<String> UNKNOWN = List.of("sort", "order");

	/** Links to rows: what "the same rows" compares. */
	static final Pattern ROW = Pattern.compile("href=\"(/[a-z/]+/[0-9]+[^\"?]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	Scenario s;

	/** Page → who looks at it → the parameters it reads. */
	record ListPage(String url, Viewer viewer, List<String> params) {
	}

	List<ListPage> pages;

	@BeforeEach
	void seed() {
		this.s = this.data.scenario();
		this.data.issued(this.s, DisclosureMode.PROACTIVE, "注入" + this.s.n());
		Viewer coordinator = Viewer.coordinator("injector" + this.s.n());
		this.pages = List.of(new ListPage("/", Viewer.anonymous(), List.of()),
				new ListPage("/replies", Viewer.anonymous(), List.of("page")),
				new ListPage("/sessions", Viewer.anonymous(), List.of()),
				new ListPage("/sessions/" + this.s.sessionId(), Viewer.anonymous(), List.of("page")),
				new ListPage("/units", Viewer.anonymous(), List.of()),
				new ListPage("/units/" + this.s.unitId(), Viewer.anonymous(), List.of("page")),
				new ListPage("/deputies", Viewer.anonymous(), List.of()),
				new ListPage("/deputies/" + this.s.leadDeputyId(), Viewer.anonymous(), List.of("page")),
				new ListPage("/figures", Viewer.anonymous(), List.of("region", "unit", "topic", "page")),
				new ListPage("/statistics", Viewer.anonymous(), List.of()),
				new ListPage("/statistics/sessions/" + this.s.sessionId(), Viewer.anonymous(), List.of()),
				new ListPage("/workspace/coordinator/proposals", coordinator,
						List.of("session", "status", "unit", "key", "page")),
				new ListPage("/workspace/coordinator/deputies", coordinator, List.of("q", "page")),
				new ListPage("/workspace/coordinator/deadlines", coordinator, List.of("days")),
				new ListPage("/workspace/coordinator/outbox", coordinator, List.of("page")),
				new ListPage("/workspace/coordinator/sessions", coordinator, List.of()),
				new ListPage("/workspace/coordinator/units", coordinator, List.of()),
				new ListPage("/workspace/coordinator/accounts", coordinator, List.of()),
				new ListPage("/workspace/unit/follow-ups", this.s.official(), List.of()),
				new ListPage("/my", this.s.lead(), List.of()),
				new ListPage("/notifications", this.s.lead(), List.of("page")),
				new ListPage("/following", this.s.lead(), List.of()));
	}

	MockHttpServletResponse fetch(ListPage page, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = get(page.url());
		params.forEach(request::param);
		if (page.viewer().role() != Role.PUBLIC) {
			request = request.with(as(page.viewer()));
		}
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (ServletException ex) {
			// MockMvc rethrows what a server would answer with a 500
			MockHttpServletResponse failed = new MockHttpServletResponse();
			failed.setStatus(500);
			return failed;
		}
	}

	static List<String> rows(String body) {
		List<String> rows = new ArrayList<>();
		Matcher m = ROW.matcher(body);
		while (m.find()) {
			rows.add(m.group(1));
		}
		return rows;
	}

	@Test
	void hostileValuesInEveryParameterOfEveryListPageAreHarmless() throws Exception {
		List<String> problems = new ArrayList<>();
		long repliesBefore = this.jdbc.sql("select count(*) from reply").query(Long.class).single();
		for (ListPage page : this.pages) {
			MockHttpServletResponse baseline = fetch(page, Map.of());
			assertThat(baseline.getStatus()).as(page.url()).isEqualTo(200);
			List<String> baselineRows = rows(baseline.getContentAsString());
			List<String> params = new ArrayList<>(page.params());
			params.addAll(UNKNOWN);
			for (String param : params) {
				for (String value : HOSTILE) {
					MockHttpServletResponse response = fetch(page, Map.of(param, value));
					int status = response.getStatus();
					String what = page.url() + "?" + param + "=" + value.replace("\u0000", "\\0") + ": ";
					if (status != 200 && status != 400) {
						problems.add(what + status);
					}
					if (UNKNOWN.contains(param) && status == 200) {
						List<String> rows = rows(response.getContentAsString());
						if (!rows.equals(baselineRows)) {
							problems.add(what + "an unknown parameter changed the rows");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from reply").query(Long.class).single())
			.isGreaterThanOrEqualTo(repliesBefore);
	}

	@Test
	void likeWildcardsAndQuotesMatchOnlyThemselves() throws Exception {
		ListPage deputies = new ListPage("/workspace/coordinator/deputies", Viewer.coordinator("wild" + this.s.n()),
				List.of("q"));
		String lead = "领衔代表" + this.s.n();
		assertThat(fetch(deputies, Map.of("q", lead)).getContentAsString()).contains(lead);
		for (String wildcard : List.of("%", "_", "%" + this.s.n(), "领衔代表_" + this.s.n(), "' or '1'='1", "%'--")) {
			MockHttpServletResponse response = fetch(deputies, Map.of("q", wildcard));
			assertThat(response.getStatus()).as(wildcard).isEqualTo(200);
			assertThat(response.getContentAsString()).as(wildcard).doesNotContain(lead);
		}
		ListPage figures = new ListPage("/figures", Viewer.anonymous(), List.of());
		String unit = String.valueOf(this.s.unitId());
		assertThat(fetch(figures, Map.of("unit", unit)).getContentAsString()).contains("注入" + this.s.n());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("unit", unit);
		params.put("region", "' or '1'='1");
		MockHttpServletResponse quoted = fetch(figures, params);
		assertThat(quoted.getStatus()).isEqualTo(200);
		assertThat(quoted.getContentAsString()).doesNotContain("注入" + this.s.n());
	}

}
