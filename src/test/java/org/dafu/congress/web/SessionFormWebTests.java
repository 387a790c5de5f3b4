package org.dafu.congress.web;

import java.util.Optional;

import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The sessions' admin form: binding, field errors, conflicts and who may post, in a web
 * slice.
 */
@WebSlice(SessionAdminController.class)
class SessionFormWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("session-slice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CongressService congress;

	private static MockHttpServletRequestBuilder session(String url) {
		return session(url, "10", "2023", "第十届二次会议");
	}

	private static MockHttpServletRequestBuilder session(String url, String term, String year, String name) {
		return post(url).with(AsViewer.as(COORDINATOR))
			.with(csrf())
			.param("bodyType", "NPC")
			.param("level", "CITY")
			.param("term", term)
			.param("sessionNumber", "2")
			.param("year", year)
			.param("name", name);
	}

	@Test
	void aNewSessionIsCreatedFromTheForm() throws Exception {
		given(this.congress.sessionNamed("第十届二次会议")).willReturn(Optional.empty());
		given(this.congress.sessionNumbered(BodyType.NPC, CongressLevel.CITY, 10, 2)).willReturn(Optional.empty());

		this.mvc.perform(session("/workspace/coordinator/sessions"))
			.andExpect(redirectedUrl("/workspace/coordinator/sessions"))
			.andExpect(flash().attribute("message", "coordination.session.created"));
		verify(this.congress).createSession(BodyType.NPC, CongressLevel.CITY, 10, 2, 2023, "第十届二次会议");
	}

	@Test
	void valuesOutOfRangeAreFieldErrorsAndNothingIsCreated() throws Exception {
		this.mvc.perform(session("/workspace/coordinator/sessions", "100", "2023", " "))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(SessionAdminController.FORM_VIEW))
			.andExpect(model().attribute("errors", hasKey("term")))
			.andExpect(model().attribute("errors", hasKey("name")));
		// a year that is no number cannot make the form at all: only it is named
		this.mvc.perform(session("/workspace/coordinator/sessions", "10", "二〇二三", "第十届二次会议"))
			.andExpect(status().isBadRequest())
			.andExpect(model().attribute("errors", hasEntry("year", "coordination.session.year.invalid")));
		verify(this.congress, never()).createSession(any(), any(), anyInt(), anyInt(), anyInt(), anyString());
	}

	@Test
	void anEditOverSomeoneElsesIsAConflict() throws Exception {
		SessionView stored = new SessionView(7L, "第十届一次会议", BodyType.NPC, CongressLevel.CITY, 10, 1, 2022, false, 3);
		given(this.congress.session(7L)).willReturn(stored);
		given(this.congress.sessionNamed("第十届二次会议")).willReturn(Optional.empty());
		given(this.congress.sessionNumbered(BodyType.NPC, CongressLevel.CITY, 10, 2)).willReturn(Optional.empty());
		given(this.congress.updateSession(7L, 2, BodyType.NPC, CongressLevel.CITY, 10, 2, 2023, "第十届二次会议"))
			.willThrow(new ObjectOptimisticLockingFailureException("CongressSession", 7L));

		this.mvc.perform(session("/workspace/coordinator/sessions/7").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(model().attributeExists("conflict"));
	}

	@Test
	void onlyCoordinatorsPost() throws Exception {
		this.mvc
			.perform(session("/workspace/coordinator/sessions")
				.with(AsViewer.as(Viewer.official("session-official", 2L))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/coordinator/sessions/7/evaluation").param("closed", "true")
				.with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.congress);

		this.mvc
			.perform(post("/workspace/coordinator/sessions/7/evaluation").param("closed", "true")
				.with(AsViewer.as(COORDINATOR))
				.with(csrf()))
			.andExpect(redirectedUrl("/workspace/coordinator/sessions"))
			.andExpect(flash().attribute("message", "coordination.session.evaluationClosed"));
		verify(this.congress).setEvaluationClosed(7L, true);
		verify(this.congress, never()).setEvaluationClosed(anyLong(), org.mockito.ArgumentMatchers.eq(false));
	}

}
