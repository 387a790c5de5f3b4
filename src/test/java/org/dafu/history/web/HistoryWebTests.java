package org.dafu.history.web;

import java.time.Instant;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.history.HistoryReaders;
import org.dafu.history.HistoryService;
import org.dafu.history.RevisionView;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The history page asks the feature that owns a record who may read its history
 * ({@link HistoryReaders}); everyone else, and a type no feature claims, gets a 404. In a
 * web slice, with one feature's readers: coordinators, and the officials of unit 5.
 */
@WebSlice(HistoryController.class)
class HistoryWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("history-slice");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	HistoryService history;

	@TestConfiguration(proxyBeanMethods = false)
	static class Readers {

		@Bean
		HistoryReaders proposalReaders() {
			return new HistoryReaders() {

				@Override
				public String type() {
					return "proposal";
				}

				@Override
				public boolean maySee(Viewer viewer, long id) {
					return viewer.isCoordinator() || Long.valueOf(5).equals(viewer.unitId());
				}

			};
		}

	}

	@Test
	void thoseTheOwningFeatureNamesReadTheDiff() throws Exception {
		given(this.history.revisions("proposal", 3L)).willReturn(List.of(new RevisionView(1, "proposal", 3, 1,
				"coordinator-a", Instant.parse("2022-11-06T06:30:00Z"), "UPDATE", "旧标题", "新标题", null)));

		for (Viewer viewer : List.of(COORDINATOR, Viewer.official("history-official", 5L))) {
			this.mvc.perform(get("/workspace/history/proposal/3").with(AsViewer.as(viewer)))
				.andExpect(status().isOk())
				.andExpect(view().name(HistoryController.VIEW))
				.andExpect(content().string(containsString("coordinator-a")))
				.andExpect(content().string(containsString("新标题")))
				.andExpect(content().string(containsString("2022-11-06 14:30:00")));
		}
	}

	@Test
	void anOfficialOfAnotherUnitFindsNoHistory() throws Exception {
		this.mvc.perform(get("/workspace/history/proposal/3").with(AsViewer.as(Viewer.official("history-other", 6L))))
			.andExpect(status().isNotFound());
		verifyNoInteractions(this.history);
	}

	@Test
	void aTypeNoFeatureClaimsHasNoHistory() throws Exception {
		this.mvc.perform(get("/workspace/history/account/3").with(AsViewer.as(COORDINATOR)))
			.andExpect(status().isNotFound());
		verifyNoInteractions(this.history);
	}

	@Test
	void theHistoryIsForStaffOnly() throws Exception {
		this.mvc.perform(get("/workspace/history/proposal/3")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/workspace/history/proposal/3").with(AsViewer.as(Viewer.deputy("history-deputy", 4L))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.history);
	}

}
