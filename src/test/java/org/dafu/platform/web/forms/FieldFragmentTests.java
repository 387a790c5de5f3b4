package org.dafu.platform.web.forms;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one field fragment ({@code templates/fragments/field.html}): the label names the
 * control, the hint and the error are tied to it by {@code aria-describedby}, and a field
 * in error says so with {@code aria-invalid}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class FieldFragmentTests {

	@Autowired
	MockMvc mvc;

	Viewer coordinator() {
		return Viewer.coordinator("fields" + TestData.unique());
	}

	@Test
	void aFreshFieldHasItsLabelAndHintAndNoError() throws Exception {
		Document page = Jsoup
			.parse(this.mvc.perform(get("/workspace/coordinator/units/new").with(AsViewer.as(coordinator())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		Element code = page.getElementById("orgCode");
		assertThat(page.select("label[for=orgCode]")).hasSize(1);
		assertThat(code.attr("aria-describedby")).isEqualTo("orgCode-hint");
		assertThat(page.getElementById("orgCode-hint")).isNotNull();
		assertThat(code.hasAttr("aria-invalid")).isFalse();
		assertThat(page.getElementById("name").hasAttr("aria-describedby")).isFalse();
		assertThat(page.select(".field-error")).isEmpty();
	}

	@Test
	void aRefusedFieldIsMarkedInvalidAndDescribedByItsError() throws Exception {
		Document page = Jsoup.parse(this.mvc
			.perform(post("/workspace/coordinator/units").with(csrf())
				.with(AsViewer.as(coordinator()))
				.param("name", "")
				.param("orgCode", "<bad>"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Element code = page.getElementById("orgCode");
		assertThat(code.attr("aria-invalid")).isEqualTo("true");
		assertThat(code.attr("aria-describedby")).isEqualTo("orgCode-hint orgCode-error");
		assertThat(page.getElementById("orgCode-error").text()).isNotBlank().doesNotStartWith("??");
		Element name = page.getElementById("name");
		assertThat(name.attr("aria-invalid")).isEqualTo("true");
		assertThat(name.attr("aria-describedby")).isEqualTo("name-error");
		assertThat(page.getElementById("name-error").hasClass("field-error")).isTrue();
	}

}
