package org.dafu.congress.web;

import java.util.LinkedHashMap;
import java.util.Map;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions and deputies in a web slice: binding, the service's refusals, a stale form.
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

}
