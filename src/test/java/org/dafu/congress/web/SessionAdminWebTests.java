package org.dafu.congress.web;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Optional;
import org.dafu.access.Viewer;
import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressRefusedException;
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

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions and deputies in a web slice: binding, field errors, the service's refusals,
 * stale forms and who may post.
 */
@WebSlice({ SessionAdminController.class, DeputyAdminController.class })
class SessionAdminWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("slice-coordinator");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CongressService congress;

	private static MockHttpServletRequestBuilder session(String url) {
		return post(url).with(AsViewer.as(COORDINATOR))
			.with(csrf())
			.param("bodyType", "NPC")
			.param("level", "CITY")
			.param("term", "8")
			.param("sessionNumber", "1")
			.param("year", "2022")
			.param("name", "市八届人大一次会议");
	}

	@Test
	void aNameAndANumberingTakenAreBothShownInEnglishToo() throws Exception {
		Map<String, String> taken = new LinkedHashMap<>();
		taken.put("name", "coordination.session.duplicateName");
		taken.put("sessionNumber", "coordination.session.duplicateNumbering");
		given(this.congress.createSession(any(), any(), anyInt(), anyInt(), anyInt(), anyString()))
			.willThrow(new CongressRefusedException(taken));
		this.mvc.perform(session("/workspace/coordinator/sessions").param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A session with this name exists.")))
			.andExpect(content().string(containsString("A session with this body, level, term and number exists.")));
		verify(this.congress).createSession(BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, "市八届人大一次会议");
	}

	@Test
	void aStaleSessionFormShowsTheConflict() throws Exception {
		given(this.congress.session(7L))
			.willReturn(new SessionView(7L, "市八届人大一次会议（已改）", BodyType.NPC, CongressLevel.CITY, 8, 1, 2022, false, 2));
		given(this.congress.updateSession(eq(7L), eq(1), any(), any(), anyInt(), anyInt(), anyInt(), anyString()))
			.willThrow(new ObjectOptimisticLockingFailureException(SessionView.class, 7L));
		this.mvc.perform(session("/workspace/coordinator/sessions/7").param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("市八届人大一次会议（已改）")));
	}

	@Test
	void aDeputyWithoutANameIsRefusedBeforeTheService() throws Exception {
		this.mvc.perform(
				post("/workspace/coordinator/deputies").with(AsViewer.as(COORDINATOR)).with(csrf()).param("name", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("姓名必填")));
		verify(this.congress, org.mockito.Mockito.never()).createDeputy(anyString(), any());
		verify(this.congress, org.mockito.Mockito.never()).deputy(anyLong());
	}

	@Test
	void aRefusalNoFormShowsIsABadRequestNeverAServerError() throws Exception {
		given(this.congress.createDeputy(anyString(), any()))
			.willThrow(new CongressRefusedException("name", "coordination.deputy.name.invalid"));
		this.mvc.perform(
				post("/workspace/coordinator/deputies").with(AsViewer.as(COORDINATOR)).with(csrf()).param("name", "代表"))
			.andExpect(status().isBadRequest());
	}

	static final Viewer FORM_COORDINATOR = Viewer.coordinator("session-slice");

	private static MockHttpServletRequestBuilder sessionForm(String url) {
		return sessionForm(url, "10", "2023", "第十届二次会议");
	}

	private static MockHttpServletRequestBuilder sessionForm(String url, String term, String year, String name) {
		return post(url).with(AsViewer.as(FORM_COORDINATOR))
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

		this.mvc.perform(sessionForm("/workspace/coordinator/sessions"))
			.andExpect(redirectedUrl("/workspace/coordinator/sessions"))
			.andExpect(flash().attribute("message", "coordination.session.created"));
		verify(this.congress).createSession(BodyType.NPC, CongressLevel.CITY, 10, 2, 2023, "第十届二次会议");
	}

	@Test
	void valuesOutOfRangeAreFieldErrorsAndNothingIsCreated() throws Exception {
		this.mvc.perform(sessionForm("/workspace/coordinator/sessions", "100", "2023", " "))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(SessionAdminController.FORM_VIEW))
			.andExpect(model().attribute("errors", hasKey("term")))
			.andExpect(model().attribute("errors", hasKey("name")));
		// a year that is no number cannot make the form at all: only it is named
		this.mvc.perform(sessionForm("/workspace/coordinator/sessions", "10", "二〇二三", "第十届二次会议"))
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

		this.mvc.perform(sessionForm("/workspace/coordinator/sessions/7").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(model().attributeExists("conflict"));
	}

	@Test
	void onlyCoordinatorsPost() throws Exception {
		this.mvc
			.perform(sessionForm("/workspace/coordinator/sessions")
				.with(AsViewer.as(Viewer.official("session-official", 2L))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/coordinator/sessions/7/evaluation").param("closed", "true")
				.with(AsViewer.as(FORM_COORDINATOR)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.congress);

		this.mvc
			.perform(post("/workspace/coordinator/sessions/7/evaluation").param("closed", "true")
				.with(AsViewer.as(FORM_COORDINATOR))
				.with(csrf()))
			.andExpect(redirectedUrl("/workspace/coordinator/sessions"))
			.andExpect(flash().attribute("message", "coordination.session.evaluationClosed"));
		verify(this.congress).setEvaluationClosed(7L, true);
		verify(this.congress, never()).setEvaluationClosed(anyLong(), org.mockito.ArgumentMatchers.eq(false));
	}

}
