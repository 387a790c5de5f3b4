package org.dafu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Satisfaction over fewer than three evaluations would tell how one or two deputies rated
 * their replies: it is shown as "—" with the reason on the pages, and as null with a
 * reason in the JSON, for the session and for each unit. Here one session has units with
 * 1, 2 and 3 evaluations (6 in all); another session has a single evaluation.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsSmallNumbersTests {

	static final LocalDate ASSIGNED = LocalDate.of(2022, 3, 1);

	static final LocalDate DEADLINE = LocalDate.of(2022, 6, 1);

	static final String FEW = "—（测评不足 3 件，不公布）";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	long session;

	long one;

	long two;

	long three;

	long lonelySession;

	long lonelyUnit;

	@BeforeAll
	void build() {
		int n = TestData.unique();
		this.session = this.data.session(2021).id();
		this.one = this.data.unit("一件测评单位" + n);
		this.two = this.data.unit("两件测评单位" + n);
		this.three = this.data.unit("三件测评单位" + n);
		long deputy = this.data.deputy("小数代表" + n);
		int number = 1;
		for (long unit : List.of(this.one, this.two, this.three)) {
			int evaluations = (unit == this.one) ? 1 : (unit == this.two) ? 2 : 3;
			for (long reply : replies(this.session, unit, deputy, number, evaluations)) {
				// the lone evaluation of unit one is 不满意: its rate would read 0.0
				rate(reply, deputy, (unit == this.one) ? "UNSATISFIED" : "SATISFIED");
			}
			number += evaluations;
		}
		this.lonelySession = this.data.session(2020).id();
		this.lonelyUnit = this.data.unit("孤单测评单位" + n);
		for (long reply : replies(this.lonelySession, this.lonelyUnit, deputy, 1, 1)) {
			rate(reply, deputy, "UNSATISFIED");
		}
	}

	private List<Long> replies(long session, long unit, long deputy, int firstNumber, int count) {
		String code = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class, unit);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long proposal = this.data.assignedProposal(session, firstNumber + i, deputy, null, unit, ASSIGNED,
					DEADLINE);
			ids.add(this.data.issuedWith(proposal, unit, code, TestData.shortLetter("小数" + unit + "-" + i,
					DisclosureMode.NOT_PUBLIC, ResultClass.B, LocalDate.of(2022, 5, 1), List.of())));
		}
		return ids;
	}

	private void rate(long reply, long deputy, String result) {
		Ratings.rate(this.jdbc, reply, deputy, result);
	}

	@Test
	void theUnitTableShowsRatesOnlyFromThreeEvaluations() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/statistics/sessions/{id}", this.session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(unitCells(page, this.one)).containsExactly(FEW, FEW);
		assertThat(unitCells(page, this.two)).containsExactly(FEW, FEW);
		assertThat(unitCells(page, this.three)).containsExactly("100.0%", "100.0%");
		// the session as a whole has 6: 5 of 6 satisfied
		assertThat(definition(page, "满意率（含基本满意）")).isEqualTo("83.3%");
		assertThat(definition(page, "满意度测评")).isEqualTo("共 6 件：满意 5、基本满意 0、不满意 1");
		assertThat(page.getElementById("stats-rules").text()).contains("不少于 3 件").contains("不予公开");
	}

	@Test
	void theJsonGivesNullAndTheReasonBelowThreeEvaluations() throws Exception {
		// most assigned first: the unit with 3, then 2, then 1
		this.mvc.perform(get("/api/v1/sessions/{id}/statistics", this.session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.units[0].unitId").value(this.three))
			.andExpect(jsonPath("$.units[1].unitId").value(this.two))
			.andExpect(jsonPath("$.units[2].unitId").value(this.one))
			.andExpect(jsonPath("$.units[2].evaluations").value(1))
			.andExpect(jsonPath("$.units[2].satisfactionRate").value(nullValue()))
			.andExpect(jsonPath("$.units[2].satisfiedOnlyRate").value(nullValue()))
			.andExpect(jsonPath("$.units[2].satisfactionWithheld").value("FEWER_THAN_3_EVALUATIONS"))
			.andExpect(jsonPath("$.units[1].evaluations").value(2))
			.andExpect(jsonPath("$.units[1].satisfactionRate").value(nullValue()))
			.andExpect(jsonPath("$.units[1].satisfactionWithheld").value("FEWER_THAN_3_EVALUATIONS"))
			.andExpect(jsonPath("$.units[0].satisfactionRate").value(100.0))
			.andExpect(jsonPath("$.units[0].satisfactionWithheld").value(nullValue()))
			.andExpect(jsonPath("$.rates.satisfactionRate").value(83.3))
			.andExpect(jsonPath("$.rates.unsatisfied").value(1))
			.andExpect(jsonPath("$.rates.satisfactionWithheld").value(nullValue()));
	}

	@Test
	void aSessionWithOneEvaluationShowsNeitherTheRateNorTheSplit() throws Exception {
		this.mvc.perform(get("/api/v1/sessions/{id}/statistics", this.lonelySession))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rates.evaluations").value(1))
			.andExpect(jsonPath("$.rates.satisfactionRate").value(nullValue()))
			.andExpect(jsonPath("$.rates.satisfiedOnlyRate").value(nullValue()))
			.andExpect(jsonPath("$.rates.unsatisfied").value(nullValue()))
			.andExpect(jsonPath("$.rates.satisfactionWithheld").value("FEWER_THAN_3_EVALUATIONS"));
		Document page = Jsoup.parse(this.mvc.perform(get("/statistics/sessions/{id}", this.lonelySession))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(definition(page, "满意率（含基本满意）")).isEqualTo(FEW);
		assertThat(definition(page, "满意率（仅满意）")).isEqualTo(FEW);
		assertThat(definition(page, "满意度测评")).isEqualTo("共 1 件（不足 3 件，不分项公布）");
		assertThat(unitCells(page, this.lonelyUnit)).containsExactly(FEW, FEW);
	}

	@Test
	void aUnitsPageWithOneEvaluationShowsNoRate() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/units/{id}", this.lonelyUnit))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(definition(page, "满意率（含基本满意）")).isEqualTo(FEW);
		assertThat(definition(page, "满意度测评")).isEqualTo("共 1 件（不足 3 件，不分项公布）");
		assertThat(page.getElementById("stats-rules")).isNotNull();
		String english = this.mvc.perform(get("/units/{id}", this.lonelyUnit).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("— (fewer than 3 evaluations: not published)");
	}

	@Test
	void theOpenApiDocumentSaysWhenAndWhySatisfactionIsNull() throws Exception {
		String api = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).contains("satisfactionWithheld")
			.contains("FEWER_THAN_3_EVALUATIONS")
			.contains("null below 3 evaluations");
	}

	/**
	 * The two satisfaction cells (满意率 with and without 基本满意) of a unit's row in the
	 * per-unit table, found by their column headers.
	 */
	private static List<String> unitCells(Document page, long unit) {
		Element row = page.selectFirst("#units ~ div table tr:has(a[href='/units/" + unit + "'])");
		assertThat(row).as("row of unit %d", unit).isNotNull();
		List<String> headers = row.closest("table").select("thead th").eachText();
		int rate = headers.indexOf("满意率（含基本满意）");
		assertThat(rate).as("the 满意率 column").isPositive();
		List<String> cells = row.select("th, td").eachText();
		return cells.subList(rate, rate + 2);
	}

	private static String definition(Document page, String term) {
		Element dt = page.selectFirst("dl.stat-grid dt:containsOwn(" + term + ")");
		assertThat(dt).as(term).isNotNull();
		return dt.nextElementSibling().text();
	}

}
