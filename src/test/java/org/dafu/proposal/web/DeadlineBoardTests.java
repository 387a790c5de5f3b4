package org.dafu.proposal.web;

import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The deadline board: due soon or overdue, by unit, overdue first, days left or late. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class DeadlineBoardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CoordinationQueries queries;

	@Test
	void overdueUnitsComeFirstThenByDeadlineAndFarDeadlinesAreLeftOut() throws Exception {
		LocalDate today = this.queries.today();
		long session = this.data.session(today.getYear()).id();
		long deputy = this.data.deputy("期限代表");
		long soonUnit = this.data.unit("即将到期单位");
		long lateUnit = this.data.unit("超期单位");
		long farUnit = this.data.unit("远期单位");
		long soon = this.data.assignedProposal(session, 1, deputy, null, soonUnit, today.minusDays(20),
				today.plusDays(3));
		long soonest = this.data.assignedProposal(session, 2, deputy, null, soonUnit, today.minusDays(20),
				today.plusDays(1));
		long late = this.data.assignedProposal(session, 3, deputy, null, lateUnit, today.minusDays(100),
				today.minusDays(5));
		long far = this.data.assignedProposal(session, 4, deputy, null, farUnit, today, today.plusDays(60));

		List<CoordinationQueries.DeadlineGroup> board = this.queries.deadlineBoard(14);
		List<Long> unitOrder = board.stream()
			.map(CoordinationQueries.DeadlineGroup::unitId)
			.filter((u) -> u == soonUnit || u == lateUnit || u == farUnit)
			.toList();
		assertThat(unitOrder).containsExactly(lateUnit, soonUnit);
		CoordinationQueries.DeadlineGroup soonGroup = board.stream()
			.filter((g) -> g.unitId() == soonUnit)
			.findFirst()
			.orElseThrow();
		assertThat(soonGroup.rows()).extracting(CoordinationQueries.DeadlineRow::proposalId)
			.containsExactly(soonest, soon);
		assertThat(soonGroup.rows()).extracting(CoordinationQueries.DeadlineRow::daysLeft).containsExactly(1L, 3L);
		CoordinationQueries.DeadlineGroup lateGroup = board.stream()
			.filter((g) -> g.unitId() == lateUnit)
			.findFirst()
			.orElseThrow();
		assertThat(lateGroup.rows()).singleElement().satisfies((r) -> {
			assertThat(r.proposalId()).isEqualTo(late);
			assertThat(r.overdue()).isTrue();
			assertThat(r.daysLate()).isEqualTo(5);
		});
		// A wider window takes the far deadline in.
		assertThat(this.queries.deadlineBoard(90))
			.anySatisfy((g) -> assertThat(g.rows()).anySatisfy((r) -> assertThat(r.proposalId()).isEqualTo(far)));

		String page = this.mvc
			.perform(get("/workspace/coordinator/deadlines").with(AsViewer.as(Viewer.coordinator("board"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int lateAt = page.indexOf("超期单位");
		int soonAt = page.indexOf("即将到期单位");
		assertThat(lateAt).isPositive();
		assertThat(soonAt).isGreaterThan(lateAt);
		assertThat(page).doesNotContain("远期单位").contains("超期 5 天").contains("还剩 1 天");
		// Junk in the window parameter falls back to the default.
		this.mvc
			.perform(get("/workspace/coordinator/deadlines").param("days", "1;drop table proposal")
				.with(AsViewer.as(Viewer.coordinator("board"))))
			.andExpect(status().isOk());
	}

	@Test
	void theWindowParameterIsClamped() {
		assertThat(CoordinatorController.parseDays(null)).isEqualTo(14);
		assertThat(CoordinatorController.parseDays("7")).isEqualTo(7);
		assertThat(CoordinatorController.parseDays("-1")).isEqualTo(14);
		assertThat(CoordinatorController.parseDays("999")).isEqualTo(14);
		assertThat(CoordinatorController.parseDays("<script>")).isEqualTo(14);
	}

}
