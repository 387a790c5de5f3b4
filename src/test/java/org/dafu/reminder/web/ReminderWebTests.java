package org.dafu.reminder.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dafu.reminder.ReminderService;
import org.dafu.reminder.ReminderRefusedException;
import org.dafu.access.Viewer;
import org.dafu.reminder.ReminderService.Target;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** 催办's form: who may use it, what a refusal looks like, in a web slice. */
@WebSlice(ReminderController.class)
class ReminderWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("reminder-slice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReminderService reminders;

	@BeforeEach
	void aProposalDueSoon() {
		given(this.reminders.target(8L)).willReturn(Optional
			.of(new Target(8L, 4, "关于充电桩的建议", 2L, "市交通局", LocalDate.of(2022, 6, 1), LocalDate.of(2022, 5, 25))));
		given(this.reminders.ofProposal(COORDINATOR, 8L)).willReturn(List.of());
		given(this.reminders.dueWithinDays()).willReturn(14);
	}

	@Test
	void aSentReminderGoesBackToTheFormWithANotice() throws Exception {
		this.mvc
			.perform(post("/workspace/coordinator/proposals/8/reminders").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("message", "请抓紧办理"))
			.andExpect(redirectedUrl("/workspace/coordinator/proposals/8/reminders"))
			.andExpect(flash().attribute("message", "reminder.sent"));
		verify(this.reminders).send(COORDINATOR, 8L, "请抓紧办理");
	}

	@Test
	void aRefusedReminderKeepsTheTextAndSaysWhy() throws Exception {
		given(this.reminders.send(COORDINATOR, 8L, "太长"))
			.willThrow(new ReminderRefusedException(ReminderRefusedException.MESSAGE_TOO_LONG));

		this.mvc
			.perform(post("/workspace/coordinator/proposals/8/reminders").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("message", "太长"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ReminderController.FORM_VIEW))
			.andExpect(model().attribute("text", "太长"))
			.andExpect(content().string(containsString("未催办：催办意见不能超过")));
	}

	@Test
	void anUnknownProposalIsThe404Page() throws Exception {
		given(this.reminders.target(anyLong())).willReturn(Optional.empty());
		given(this.reminders.proposalExists(9L)).willReturn(false);

		this.mvc.perform(get("/workspace/coordinator/proposals/9/reminders").with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyCoordinatorsRemind() throws Exception {
		Viewer official = Viewer.official("reminder-official", 2L);
		this.mvc
			.perform(post("/workspace/coordinator/proposals/8/reminders").with(AsViewer.as(official))
				.with(csrf())
				.param("message", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/coordinator/proposals/8/reminders")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/workspace/coordinator/proposals/8/reminders").with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.reminders);
	}

	@Test
	void aUnitSeesItsOwnReminders() throws Exception {
		Viewer official = Viewer.official("reminder-official", 2L);
		given(this.reminders.ofOwnUnit(official)).willReturn(List.of());

		this.mvc.perform(get("/workspace/unit/reminders").with(AsViewer.as(official)))
			.andExpect(status().isOk())
			.andExpect(view().name(ReminderController.UNIT_VIEW));
		verify(this.reminders).ofOwnUnit(official);
		this.mvc.perform(get("/workspace/unit/reminders").with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isForbidden());
	}

}
