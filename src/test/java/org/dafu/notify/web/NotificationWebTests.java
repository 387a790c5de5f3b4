package org.dafu.notify.web;

import java.time.Instant;
import java.util.List;

import org.dafu.notify.NotificationKind;
import org.dafu.notify.NotificationInbox;
import org.dafu.access.Viewer;
import org.dafu.history.AuditLog;
import org.dafu.notify.NotificationInbox.NoticeView;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** 通知's binding, routes and refusals, in a web slice. */
@WebSlice(NotificationController.class)
class NotificationWebTests {

	static final Viewer DEPUTY = Viewer.deputy("notice-deputy", 41L);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NotificationInbox inbox;

	@Autowired
	AuditLog audit;

	@Test
	void theListShowsTheViewersNoticesOnTheAskedPage() throws Exception {
		NoticeView notice = new NoticeView(7, NotificationKind.values()[0], "第4号建议", "", "/replies/3",
				Instant.parse("2022-11-06T06:30:00Z"), false);
		given(this.inbox.notices(eq(DEPUTY), any(Paging.class))).willReturn(new PageView<>(List.of(notice), 2, 20, 21));

		this.mvc.perform(get("/notifications").param("page", "2").with(AsViewer.as(DEPUTY)))
			.andExpect(status().isOk())
			.andExpect(view().name(NotificationController.LIST_VIEW))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notification-7\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2022-11-06 14:30")));
		verify(this.inbox).notices(eq(DEPUTY), eq(Paging.of(2, null)));
	}

	@Test
	void aPageThatIsNoNumberIsABadRequest() throws Exception {
		this.mvc.perform(get("/notifications").param("page", "二").with(AsViewer.as(DEPUTY)))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.inbox);
	}

	@Test
	void signingInComesFirst() throws Exception {
		this.mvc.perform(get("/notifications")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(this.inbox);
	}

	@Test
	void markingReadNeedsTheFormsToken() throws Exception {
		this.mvc.perform(post("/notifications/5/read").with(AsViewer.as(DEPUTY))).andExpect(status().isForbidden());
		verifyNoInteractions(this.inbox);
		verify(this.audit).record(eq("notice-deputy"), eq("ACCESS_DENIED"), eq("POST /notifications/5/read"), isNull(),
				anyString());

		this.mvc.perform(post("/notifications/5/read").with(AsViewer.as(DEPUTY)).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		verify(this.inbox).markRead(DEPUTY, 5L);
	}

	@Test
	void allAreMarkedReadForTheViewer() throws Exception {
		this.mvc.perform(post("/notifications/read-all").with(AsViewer.as(DEPUTY)).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		verify(this.inbox).markAllRead(DEPUTY);
	}

}
