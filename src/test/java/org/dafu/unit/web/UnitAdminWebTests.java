package org.dafu.unit.web;

import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.WebSlice;
import org.dafu.unit.UnitRefusedException;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** Units in a web slice: binding, the service's refusals beside their fields. */
@WebSlice(UnitAdminController.class)
class UnitAdminWebTests {

	static final Viewer COORDINATOR = Viewer.coordinator("slice-coordinator");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UnitService units;

	@Test
	void aNameAndACodeTakenAreBothShownBesideTheirFields() throws Exception {
		given(this.units.create(anyString(), anyString())).willThrow(new UnitRefusedException(
				Map.of("name", "coordination.unit.duplicateName", "orgCode", "coordination.unit.duplicateCode")));
		this.mvc
			.perform(post("/workspace/coordinator/units").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("name", " 市发展改革委 ")
				.param("orgCode", "11330800002618015K"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(UnitAdminController.FORM_VIEW))
			.andExpect(content().string(containsString("已有同名承办单位")))
			.andExpect(content().string(containsString("该组织机构代码已被其他单位使用")));
		verify(this.units).create("市发展改革委", "11330800002618015K");
	}

	@Test
	void aMalformedCodeIsRefusedBeforeTheServiceAndAGoodOneSaved() throws Exception {
		this.mvc
			.perform(post("/workspace/coordinator/units").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("name", "单位")
				.param("orgCode", "abc/../1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("组织机构代码为 6 至 30 位数字或大写字母")));
		verifyNoInteractions(this.units);

		given(this.units.create("单位", "ABC123")).willReturn(new UnitView(5L, "单位", "ABC123", true, 0));
		this.mvc
			.perform(post("/workspace/coordinator/units").with(AsViewer.as(COORDINATOR))
				.with(csrf())
				.param("name", "单位")
				.param("orgCode", "ABC123"))
			.andExpect(redirectedUrl("/workspace/coordinator/units"));
	}

}
