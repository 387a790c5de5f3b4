package org.dafu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The yearly-report numbers of a session built here: 128 proposals classed A 64, B 38, C
 * 21, D 5; eight replies signed after the deadline; twenty seeded evaluations.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTests {

	static final LocalDate ASSIGNED = LocalDate.of(2022, 3, 1);

	static final LocalDate DEADLINE = LocalDate.of(2022, 6, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatisticsService statistics;

	@Autowired
	ReplyDrafting drafting;

	long session;

	long bigUnit;

	long lateUnit;

	long smallSession;

	@BeforeAll
	void buildSession() {
		this.session = this.data.session(2022).id();
		this.bigUnit = this.data.unit("统计主办单位");
		this.lateUnit = this.data.unit("统计迟办单位");
		String bigCode = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class,
				this.bigUnit);
		String lateCode = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class,
				this.lateUnit);
		long deputy = this.data.deputy("统计代表");
		long evaluator = this.data.deputy("测评代表");
		long topicA = this.data.topic("工业经济");
		long topicB = this.data.topic("城乡建设");
		List<Long> replyIds = new ArrayList<>();
		for (int i = 0; i < 128; i++) {
			ResultClass c = (i < 64) ? ResultClass.A
					: (i < 102) ? ResultClass.B : (i < 123) ? ResultClass.C : ResultClass.D;
			boolean late = i % 16 == 0;
			long unit = (i % 4 == 0) ? this.lateUnit : this.bigUnit;
			String code = (unit == this.lateUnit) ? lateCode : bigCode;
			long proposal = this.data.assignedProposal(this.session, i + 1, deputy, (i % 3 == 0) ? topicB : topicA,
					unit, ASSIGNED, DEADLINE);
			LocalDate signed = late ? LocalDate.of(2022, 6, 15) : LocalDate.of(2022, 5, 1);
			DisclosureMode mode = (i % 10 == 0) ? DisclosureMode.NOT_PUBLIC : DisclosureMode.PROACTIVE;
			replyIds.add(this.data.issuedWith(proposal, unit, code,
					TestData.shortLetter("统计" + i, mode, c, signed, List.of())));
		}
		// 20 evaluations of the result: 12 满意, 6 基本满意, 2 不满意.
		for (int i = 0; i < 20; i++) {
			String result = (i < 12) ? "SATISFIED" : (i < 18) ? "BASICALLY_SATISFIED" : "UNSATISFIED";
			Ratings.rate(this.jdbc, replyIds.get(i + 1), evaluator, result);
		}

		this.smallSession = this.data.session(2023).id();
		long unit = this.data.unit("小会议单位");
		String code = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class, unit);
		long replied = this.data.assignedProposal(this.smallSession, 1, deputy, null, unit, ASSIGNED, DEADLINE);
		this.data.issuedWith(replied, unit, code, TestData.shortLetter("小", DisclosureMode.PROACTIVE, ResultClass.A,
				LocalDate.of(2022, 4, 1), List.of()));
		long draftOnly = this.data.assignedProposal(this.smallSession, 2, deputy, null, unit, ASSIGNED, DEADLINE);
		this.drafting.createDraft(Viewer.official("小会议经办人", unit), draftOnly, ReplyKind.ORIGINAL, TestData
			.shortLetter("草稿", DisclosureMode.PROACTIVE, ResultClass.B, LocalDate.of(2022, 4, 1), List.of()));
		// assigned today with the longest deadline the rules allow: not yet due
		this.data.assignedProposal(this.smallSession, 3, deputy, null, unit, LocalDate.now(),
				LocalDate.now().plusMonths(6));
	}

	@Test
	void resultClassesReadAsTheYearlyReport() {
		Statistics stats = this.statistics.ofSession(this.session);
		assertThat(stats.resultClasses()).extracting((c) -> c.key() + " " + c.count() + " " + c.share())
			.containsExactly("A 64 50.0", "B 38 29.7", "C 21 16.4", "D 5 3.9");
		assertThat(stats.rates().received()).isEqualTo(128);
		assertThat(stats.rates().replied()).isEqualTo(128);
		assertThat(stats.rates().replyRate()).hasToString("100.0");
	}

	@Test
	void onTimeAndSatisfactionComeFromDatesAndEvaluations() {
		Statistics.Rates r = this.statistics.ofSession(this.session).rates();
		assertThat(r.onTime()).isEqualTo(120);
		assertThat(r.overdue()).isEqualTo(8);
		assertThat(r.onTimeRate()).hasToString("93.8");
		assertThat(r.evaluations()).isEqualTo(20);
		assertThat(r.satisfactionRate()).hasToString("90.0");
		assertThat(r.satisfiedOnlyRate()).hasToString("60.0");
		// all on-time replies took 61 days, the eight late ones 106: (120 × 61 + 8 × 106)
		// / 128
		assertThat(r.averageDaysToReply()).hasToString("63.8");
	}

	@Test
	void theUnitTableSplitsByLeadUnit() {
		List<Statistics.UnitRow> units = this.statistics.ofSession(this.session).units();
		assertThat(units).extracting(Statistics.UnitRow::unitId).containsExactly(this.bigUnit, this.lateUnit);
		Statistics.UnitRow late = units.get(1);
		assertThat(late.assigned()).isEqualTo(32);
		assertThat(late.onTime()).isEqualTo(24);
		assertThat(late.overdue()).isEqualTo(8);
		// (24 × 61 + 8 × 106) / 32 = 72.25
		assertThat(late.averageDaysToReply()).hasToString("72.3");
		Statistics.UnitRow big = units.get(0);
		assertThat(big.assigned()).isEqualTo(96);
		assertThat(big.overdue()).isZero();
	}

	@Test
	void draftsNeverCountAndUnrepliedProposalsPastTheirDeadlineAreOverdue() {
		Statistics.Rates r = this.statistics.ofSession(this.smallSession).rates();
		assertThat(r.received()).isEqualTo(3);
		assertThat(r.assigned()).isEqualTo(3);
		assertThat(r.replied()).isEqualTo(1);
		assertThat(r.replyRate()).hasToString("33.3");
		assertThat(r.overdue()).isEqualTo(1);
		assertThat(r.evaluations()).isZero();
		assertThat(r.satisfactionRate()).isNull();
	}

	@Test
	void thePageReadsLikeTheReportWithChartsAndTextAlternatives() throws Exception {
		this.mvc.perform(get("/statistics/sessions/{id}", this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A 类 64 件，占 50.0%")))
			.andExpect(content().string(containsString("B 类 38 件，占 29.7%")))
			.andExpect(content().string(containsString("C 类 21 件，占 16.4%")))
			.andExpect(content().string(containsString("D 类 5 件，占 3.9%")))
			.andExpect(content().string(containsString("93.8%")))
			.andExpect(content().string(containsString("90.0%")))
			.andExpect(content().string(containsString("<title id=\"chart-classes-t\">")))
			.andExpect(content().string(containsString("<desc id=\"chart-classes-d\">")))
			.andExpect(content().string(containsString("64 件（50.0%）")))
			.andExpect(content().string(not(containsString("统计0"))));
		this.mvc.perform(get("/statistics/sessions/{id}", this.session).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Class A: 64, 50.0%")));
		this.mvc.perform(get("/statistics"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/statistics/sessions/" + this.session)));
	}

	@Test
	void theOverviewShowsOnTimeRepliesAndSatisfactionPerSessionAndAChartAcrossSessions() throws Exception {
		Statistics.SessionRow row = this.statistics.overview()
			.stream()
			.filter((r) -> r.sessionId() == this.session)
			.findFirst()
			.orElseThrow();
		assertThat(row.onTime()).isEqualTo(120);
		assertThat(row.onTimeRate()).isEqualByComparingTo("93.8");
		assertThat(row.evaluations()).isEqualTo(20);
		assertThat(row.satisfactionRate()).isEqualByComparingTo("90.0");
		assertThat(row.satisfactionWithheld()).isNull();
		Statistics.SessionRow small = this.statistics.overview()
			.stream()
			.filter((r) -> r.sessionId() == this.smallSession)
			.findFirst()
			.orElseThrow();
		assertThat(small.satisfactionRate()).isNull();
		assertThat(small.satisfactionWithheld()).isNotNull();
		String name = this.jdbc.queryForObject("select name from congress_session where id = ?", String.class,
				this.session);
		this.mvc.perform(get("/statistics"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th scope=\"col\" class=\"num\">按时办复率</th>")))
			.andExpect(content().string(containsString("<th scope=\"col\" class=\"num\">满意率（含基本满意）</th>")))
			.andExpect(content().string(containsString("<td class=\"num\">93.8%</td>")))
			.andExpect(content().string(containsString("<td class=\"num\">90.0%</td>")))
			.andExpect(content().string(containsString("<title id=\"chart-sessions-t\">")))
			.andExpect(content().string(containsString(name + " 办复率 100.0% 按时办复率 93.8% 满意率（含基本满意） 90.0%")))
			.andExpect(content().string(containsString("viewBox=\"0 0 400 ")));
		this.mvc.perform(get("/statistics").param("lang", "en"))
			.andExpect(content().string(containsString("Reply, on-time and satisfaction rates by session")));
	}

	@Test
	void theJsonCarriesTheSameNumbers() throws Exception {
		this.mvc.perform(get("/api/v1/sessions/{id}/statistics", this.session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rates.received").value(128))
			.andExpect(jsonPath("$.resultClasses[0].key").value("A"))
			.andExpect(jsonPath("$.resultClasses[0].count").value(64))
			.andExpect(jsonPath("$.resultClasses[0].share").value(50.0))
			.andExpect(jsonPath("$.resultClasses[1].share").value(29.7))
			.andExpect(jsonPath("$.resultClasses[2].share").value(16.4))
			.andExpect(jsonPath("$.resultClasses[3].share").value(3.9))
			.andExpect(jsonPath("$.rates.onTimeRate").value(93.8))
			.andExpect(jsonPath("$.rates.satisfactionRate").value(90.0))
			.andExpect(jsonPath("$.rates.satisfiedOnlyRate").value(60.0));
		this.mvc.perform(get("/api/v1/sessions/{id}/statistics", 999_999_999L)).andExpect(status().isNotFound());
	}

}
