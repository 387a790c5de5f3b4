package org.dafu.stats.web;

import java.util.List;

import org.dafu.stats.StatisticsService;
import org.dafu.stats.StatisticsCharts;
import org.dafu.platform.web.NotFoundException;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The statistics pages' and API's binding and errors, in a web slice. */
@WebSlice({ StatisticsController.class, StatisticsApiController.class })
@Import(StatisticsCharts.class)
class StatisticsWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StatisticsService statistics;

	@Test
	void theOverviewWithoutSessionsDrawsNoChart() throws Exception {
		given(this.statistics.overview()).willReturn(List.of());

		this.mvc.perform(get("/statistics"))
			.andExpect(status().isOk())
			.andExpect(view().name(StatisticsController.OVERVIEW_VIEW))
			.andExpect(model().attribute("sessionChart", (Object) null));
	}

	@Test
	void anUnknownSessionIsThe404Page() throws Exception {
		given(this.statistics.ofSession(12L)).willThrow(new NotFoundException("session", 12L));

		this.mvc.perform(get("/statistics/sessions/12"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error"));
	}

	@Test
	void aSessionThatIsNoNumberIsNoPage() throws Exception {
		this.mvc.perform(get("/statistics/sessions/abc")).andExpect(status().isNotFound());
		verifyNoInteractions(this.statistics);
	}

	@Test
	void theApiNamesTheParameterItCannotRead() throws Exception {
		this.mvc.perform(get("/api/v1/sessions/abc/statistics"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.parameter").value("id"));
		verifyNoInteractions(this.statistics);
	}

	@Test
	void theApiAnswersAnUnknownSessionWithAProblem() throws Exception {
		given(this.statistics.ofSession(99L)).willThrow(new NotFoundException("session", 99L));

		this.mvc.perform(get("/api/v1/sessions/99/statistics"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("没有找到。"));
	}

	@Test
	void aWriteToTheApiThatAFormCouldSendIsRefusedBeforeAnyPassword() throws Exception {
		this.mvc.perform(delete("/api/v1/sessions/99/statistics")).andExpect(status().isForbidden());
		verifyNoInteractions(this.statistics);
	}

	@Test
	void writingToTheApiWantsStaffWithoutABrowserPrompt() throws Exception {
		this.mvc.perform(delete("/api/v1/sessions/99/statistics").header("X-Requested-By", "test"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "DafuBasic realm=\"dafu\""));
		verifyNoInteractions(this.statistics);
	}

}
