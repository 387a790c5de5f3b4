package org.dafu.importing;

import org.dafu.congress.CongressService;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
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
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import preview is compact: every part of the letter folds (a {@code <details>}, so
 * without JavaScript) and names its figure count; a sticky bar carries 确认 and the number
 * of warnings; each warning links to the field it is about, and the parts holding such a
 * field start open.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ImportPreviewLayoutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Test
	void thePreviewFoldsItsPartsAndKeepsConfirmAndTheWarningsInAStickyBar() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Document page = preview(s, letter.text());

		Element form = page.getElementById("import-confirm");
		Element bar = form.selectFirst("> #import-bar");
		assertThat(bar).isNotNull();
		// before every part of the form (a sticky element sticks within its parent)
		assertThat(bar.elementSiblingIndex()).isLessThan(form.selectFirst("> details").elementSiblingIndex());
		assertThat(bar.hasClass("sticky-bar")).isTrue();
		assertThat(bar.getElementById("import-confirm-submit").attr("type")).isEqualTo("submit");
		int warnings = page.select("li.import-warning").size();
		assertThat(warnings).isPositive();
		assertThat(bar.getElementById("import-bar-warnings").text()).isEqualTo(warnings + " 条提示");
		assertThat(bar.getElementById("import-bar-warnings").attr("href")).isEqualTo("#import-warnings");
		// one confirm button only, and it is the bar's
		assertThat(page.select("button[type=submit]").eachAttr("id")).containsOnlyOnce("import-confirm-submit");

		// every part of the letter folds; each section names how many figures it holds
		assertThat(page.select("form#import-confirm > details").eachAttr("id")).contains("group-proposal",
				"group-header", "group-letter", "section-0", "section-6", "group-closing");
		for (Element section : page.select("details.import-section")) {
			int figures = section.select("fieldset.figure-editor").size();
			assertThat(section.selectFirst("summary .badge").text()).isEqualTo(figures + " 项指标");
		}
		assertThat(page.select("fieldset.figure-editor")).hasSize(page.select("input[id$=-value]").size());

		// each warning leads to a field of the page, and that field's part is open
		for (Element link : page.select("li.import-warning a")) {
			String id = link.attr("href").substring(1);
			Element target = page.getElementById(id);
			assertThat(target).as("the field of warning %s", link.text()).isNotNull();
			assertThat(target.closest("details").hasAttr("open")).as("the part of %s is open", id).isTrue();
		}
		assertThat(page.selectFirst("li.import-warning[data-code=REGION_MISSING] a").attr("href"))
			.matches("#s[0-9]+f[0-9]+-region");
		// parts without a warning stay folded
		assertThat(page.getElementById("group-letter").hasAttr("open")).isFalse();
	}

	@Test
	void aLetterWithoutHeaderLinksItsMissingIndexNumberToTheField() throws Exception {
		Scenario s = this.data.scenario();
		String text = String.join("\n", "张三代表：", "您提出的《关于加快建设充电设施的建议》（第88号）收悉。现答复如下：", "今年以来，全市新建公共充电桩1200个。",
				"感谢您对交通工作的关心和支持。", "某某市交通运输局", "2022年6月1日");
		Document page = preview(s, text);
		assertThat(page.selectFirst("li.import-warning[data-code=INDEX_NUMBER_MISSING] a").attr("href"))
			.isEqualTo("#indexNumber");
		assertThat(page.getElementById("group-header").hasAttr("open")).isTrue();
		// the session was not found: its part is open, so that the browser can point at
		// it
		assertThat(page.getElementById("group-proposal").hasAttr("open")).isTrue();
	}

	private Document preview(Scenario s, String text) throws Exception {
		String html = this.mvc
			.perform(post("/workspace/unit/import/preview").param("text", text).with(csrf()).with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html, "http://localhost/");
	}

}
