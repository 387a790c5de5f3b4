package org.dafu.reminder;

import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.stats.Statistics;
import org.dafu.stats.StatisticsService;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 催办: a coordinator reminds the lead unit of an overdue proposal with a message; the unit
 * is told in the portal and by mail, sees the reminder (its message escaped), and the
 * session's statistics count it for the unit. Who may, and what a proposal that needs no
 * reminder gets.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ReminderTests {

	static final Viewer COORDINATOR = Viewer.coordinator("reminder-boss");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatisticsService statistics;

	@Test
	void aCoordinatorRemindsTheUnitWhichIsToldSeesItAndTheStatisticsCountIt() throws Exception {
		Scenario s = this.data.scenario();
		// an official of the unit with a mail address (the outbox gets the mail)
		this.jdbc.update("insert into account (username, password_hash, role, unit_id, email) values (?, ?, ?, ?, ?)",
				"remind" + s.n(), "{noop}x", "OFFICIAL", s.unitId(), "remind" + s.n() + "@example.org");
		// the scenario's proposal: assigned 2022-03-01, no reply, long overdue
		this.mvc.perform(get("/workspace/coordinator/proposals/{id}", s.proposalId()).with(as(COORDINATOR)))
			.andExpect(content().string(containsString("id=\"reminder-link\"")));
		this.mvc.perform(get("/workspace/coordinator/deadlines").param("days", "0").with(as(COORDINATOR)))
			.andExpect(content()
				.string(containsString("href=\"/workspace/coordinator/proposals/" + s.proposalId() + "/reminders\"")));
		this.mvc.perform(get("/workspace/coordinator/proposals/{id}/reminders", s.proposalId()).with(as(COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reminder-form")));
		String message = "请于本周内答复<script>alert(1)</script>";
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/reminders", s.proposalId()).param("message", message)
				.with(as(COORDINATOR))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.queryForList(
				"select sent_by || ' ' || unit_id || ' ' || message from proposal_reminder where proposal_id = ?",
				String.class, s.proposalId()))
			.containsExactly("reminder-boss " + s.unitId() + " " + message);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where kind = 'REMINDED' and recipient_unit_id = ? and proposal_id = ?",
				Integer.class, s.unitId(), s.proposalId()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("select subject from mail_outbox where recipient = ?", String.class,
				"remind" + s.n() + "@example.org"))
			.singleElement()
			.asString()
			.startsWith("【答复】催办：");

		// the unit sees it, the message escaped
		this.mvc.perform(get("/workspace/unit/reminders").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请于本周内答复&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		// another unit does not
		this.mvc.perform(get("/workspace/unit/reminders").with(as(s.otherOfficial())))
			.andExpect(content().string(not(containsString("请于本周内答复"))));

		Statistics stats = this.statistics.ofSession(s.sessionId());
		assertThat(stats.units()).filteredOn((u) -> u.unitId() == s.unitId())
			.singleElement()
			.extracting(Statistics.UnitRow::reminders)
			.isEqualTo(1L);
		this.mvc.perform(get("/statistics/sessions/{id}", s.sessionId()))
			.andExpect(content().string(containsString("催办次数")));
	}

	@Test
	void onlyCoordinatorsRemindAndOnlyAboutProposalsThatWaitNearTheirDeadline() throws Exception {
		Scenario s = this.data.scenario();
		for (Viewer other : List.of(s.official(), s.lead())) {
			this.mvc
				.perform(post("/workspace/coordinator/proposals/{id}/reminders", s.proposalId()).with(as(other))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/workspace/coordinator/proposals/{id}/reminders", s.proposalId()).with(as(COORDINATOR)))
			.andExpect(status().isForbidden());
		// a deadline far away: nothing to chase yet
		long later = this.data.assignedProposal(s.sessionId(), 900 + TestData.unique() % 1000, s.leadDeputyId(), null,
				s.unitId(), LocalDate.now(), LocalDate.now().plusDays(60));
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/reminders", later).with(as(COORDINATOR)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("未催办")));
		// a message too long
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/reminders", s.proposalId())
				.param("message", "催".repeat(ReminderService.MAX_MESSAGE + 1))
				.with(as(COORDINATOR))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能超过 300 字")));
		// a replied proposal needs no reminder
		this.data.issued(s, org.dafu.reply.DisclosureMode.PROACTIVE, "已答复不催办");
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/reminders", s.proposalId()).with(as(COORDINATOR))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/workspace/coordinator/proposals/{id}/reminders", 999_999_999_999L).with(as(COORDINATOR))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from proposal_reminder where proposal_id in (?, ?)",
				Integer.class, s.proposalId(), later))
			.isZero();
	}

}
