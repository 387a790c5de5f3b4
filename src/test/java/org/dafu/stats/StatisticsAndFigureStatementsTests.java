package org.dafu.stats;

import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.SqlStatementCounter;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The statistics pages, their JSON and workbook, and the figures dashboard cost a small,
 * stated number of SQL statements however many proposals, replies, evaluations and
 * figures there are (docs/benchmarks.md, "Statistics and figures: statements and times"):
 * they read the counts the database keeps (migrations V81, V82), never one statement per
 * row. Counted with the page cache off, with the result cache cold (a new session is a
 * new key), on every statement the request's thread sends.
 */
@SpringBootTest(properties = "dafu.page-cache.enabled=false")
@AutoConfigureMockMvc
@Import({ TestDataConfiguration.class, SqlStatementCounter.class })
class StatisticsAndFigureStatementsTests {

	/**
	 * The session (404 when unknown); the result cache's version check; the proposals'
	 * counts; the evaluations' counts.
	 */
	static final int SESSION = 4;

	/**
	 * The JSON and the workbook are open data: their validators (ETag, Last-Modified) are
	 * read first.
	 */
	static final int SESSION_OPEN_DATA = SESSION + 1;

	/** The result cache's version check; the sessions with their counts. */
	static final int OVERVIEW = 2;

	/**
	 * The targets' count per unit and region; the page of targets; the measured targets
	 * (the status summary); the regions; the units and the topics (filters); the
	 * breakdowns.
	 */
	static final int FIGURES = 7;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSessionsStatisticsAreFourStatementsWhateverItsSize() throws Exception {
		long session = sessionWithReplies(3);
		List<String> small = statements(get("/statistics/sessions/{id}", session));
		assertThat(small).hasSize(SESSION).anyMatch((sql) -> sql.contains("proposal_count"));
		long bigger = sessionWithReplies(12);
		assertThat(statements(get("/statistics/sessions/{id}", bigger))).hasSize(SESSION);
		assertThat(statements(get("/api/v1/sessions/{id}/statistics", sessionWithReplies(2))))
			.hasSize(SESSION_OPEN_DATA);
		assertThat(statements(get("/statistics/sessions/{id}.xlsx", sessionWithReplies(2)))).hasSize(SESSION_OPEN_DATA);
		// warm: the version check and the session
		assertThat(statements(get("/statistics/sessions/{id}", bigger))).hasSizeLessThanOrEqualTo(SESSION);
	}

	@Test
	void theOverviewIsTwoStatements() throws Exception {
		sessionWithReplies(2);
		assertThat(statements(get("/statistics"))).hasSizeLessThanOrEqualTo(OVERVIEW);
	}

	@Test
	void theFiguresDashboardIsSevenStatementsForEveryKindOfViewer() throws Exception {
		Scenario s = this.data.scenario();
		for (int i = 0; i < 3; i++) {
			this.data.issued(s, (i == 0) ? DisclosureMode.NOT_PUBLIC : DisclosureMode.PROACTIVE, "计数指标" + i);
		}
		// measured targets: assessed in the one statement of the summary, however many
		for (long target : this.jdbc.queryForList("select f.id from figure f join reply r on r.id = f.reply_id"
				+ " where r.unit_id = ? and f.kind = 'TARGET'", Long.class, s.unitId())) {
			this.jdbc.update("insert into figure_measurement (figure_id, measured_on, value) values (?, ?, 1000)",
					target, LocalDate.of(2023, 6, 30));
		}
		assertThat(statements(get("/figures"))).hasSize(FIGURES)
			.noneMatch((sql) -> sql.contains("group by f.section_id"));
		assertThat(statements(get("/figures").param("unit", String.valueOf(s.unitId())).param("region", "柯城区")))
			.hasSize(FIGURES);
		for (Viewer viewer : List.of(s.official(), s.lead(), Viewer.coordinator("计数协调员"))) {
			assertThat(statements(get("/figures").with(AsViewer.as(viewer)))).as(viewer.role().name()).hasSize(FIGURES);
		}
	}

	private List<String> statements(RequestBuilder request) throws Exception {
		List<String> sql = SqlStatementCounter.record(() -> this.mvc.perform(request).andExpect(status().isOk()));
		// the first request after a public change also reads the new rows of the change
		// log (once per change and instance, not per request): not counted here
		return sql.stream().filter((statement) -> !statement.contains("from public_change where id >")).toList();
	}

	/** A new session with {@code n} replied proposals, each rated once. */
	private long sessionWithReplies(int n) {
		long session = this.data.session(2022).id();
		long unit = this.data.unit("计数单位");
		String code = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class, unit);
		long deputy = this.data.deputy("计数代表");
		for (int i = 0; i < n; i++) {
			long proposal = this.data.assignedProposal(session, i + 1, deputy, null, unit, LocalDate.of(2022, 3, 1),
					LocalDate.of(2022, 6, 1));
			long reply = this.data.issuedWith(proposal, unit, code, TestData.shortLetter("计数" + i,
					DisclosureMode.PROACTIVE, ResultClass.values()[i % 4], LocalDate.of(2022, 5, 1), List.of()));
			Ratings.rate(this.jdbc, reply, deputy, "SATISFIED");
		}
		return session;
	}

}
