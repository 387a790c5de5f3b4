package org.dafu.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.dafu.access.Viewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The error page's own address, {@code /error}, asked for directly (with no error
 * forwarded to it) is "not found" for everyone, as a page and as JSON; a forwarded error
 * keeps its status.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ErrorAddressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	Map<String, Viewer> everyone() {
		Scenario s = this.data.scenario();
		Map<String, Viewer> viewers = new LinkedHashMap<>();
		viewers.put("anonymous", Viewer.anonymous());
		viewers.put("deputy", s.lead());
		viewers.put("official", s.official());
		viewers.put("coordinator", Viewer.coordinator("errboss" + s.n()));
		return viewers;
	}

	MockHttpServletResponse error(Viewer viewer, MediaType accept, Integer forwardedStatus) throws Exception {
		MockHttpServletRequestBuilder request = get("/error").accept(accept);
		if (!viewer.isAnonymous()) {
			request = request.with(as(viewer));
		}
		if (forwardedStatus != null) {
			request = request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, forwardedStatus)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere");
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void slashErrorAskedForDirectlyIsNotFoundForEveryoneAsAPageAndAsJson() throws Exception {
		for (Map.Entry<String, Viewer> who : everyone().entrySet()) {
			MockHttpServletResponse page = error(who.getValue(), MediaType.TEXT_HTML, null);
			assertThat(page.getStatus()).as("page as " + who.getKey()).isEqualTo(404);
			assertThat(page.getContentAsString()).as("page as " + who.getKey())
				.contains("error-box")
				.contains("找不到该页面")
				.doesNotContain("999");
			MockHttpServletResponse json = error(who.getValue(), MediaType.APPLICATION_JSON, null);
			assertThat(json.getStatus()).as("JSON as " + who.getKey()).isEqualTo(404);
			assertThat(json.getContentAsString()).as("JSON as " + who.getKey())
				.contains("\"status\":404")
				.contains("\"correlationId\"")
				.doesNotContain("None");
		}
	}

	@Test
	void aForwardedErrorKeepsItsStatus() throws Exception {
		Viewer anonymous = Viewer.anonymous();
		assertThat(error(anonymous, MediaType.TEXT_HTML, 403).getStatus()).isEqualTo(403);
		MockHttpServletResponse json = error(anonymous, MediaType.APPLICATION_JSON, 503);
		assertThat(json.getStatus()).isEqualTo(503);
		assertThat(json.getContentAsString()).contains("\"status\":503");
		assertThat(this.mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

}
