package org.dafu.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.LetterContent;
import org.dafu.reply.LetterLimits;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import preview and the reply editor are one letter editor with one set of limits
 * ({@link LetterLimits}): a letter imported at every limit opens in the editor and is
 * saved again as it is, by the editor's own form.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ImportedLetterEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportService imports;

	@Test
	void aLetterImportedAtTheLimitsIsSavedAgainInTheEditor() throws Exception {
		Scenario s = this.data.scenario();
		// the scenario's proposal No. 4 is led by the official's unit
		MockHttpServletRequestBuilder confirm = post("/workspace/unit/import/confirm")
			.param("sessionId", String.valueOf(s.sessionId()))
			.param("number", "4")
			.param("disclosureMode", "PROACTIVE")
			.param("addressee", "代".repeat(LetterLimits.ADDRESSEE - 1))
			.param("opening", "开".repeat(LetterLimits.OPENING))
			.param("closing", "结".repeat(LetterLimits.CLOSING))
			.param("issuer", "署".repeat(LetterLimits.ISSUER));
		for (int i = 0; i < LetterLimits.SECTIONS; i++) {
			String p = "sections[" + i + "].";
			confirm.param(p + "kind", "RESPONSE");
			// the first section numbered without a heading, as letters often are
			confirm.param(p + "heading", (i == 0) ? "" : "题".repeat(LetterLimits.HEADING));
			confirm.param(p + "body", (i == 0) ? "文".repeat(LetterLimits.BODY) : "正文");
		}
		// a full first section, the rest of the letter's figures in the next ones
		int figures = 0;
		for (int i = 0; figures < LetterLimits.FIGURES; i++) {
			for (int j = 0; j < LetterLimits.FIGURES_PER_SECTION && figures < LetterLimits.FIGURES; j++, figures++) {
				String q = "sections[" + i + "].figures[" + j + "].";
				confirm.param(q + "subject", "指".repeat(LetterLimits.SUBJECT))
					.param(q + "value", "1234567890123456.1234")
					.param(q + "unit", "位".repeat(LetterLimits.UNIT))
					.param(q + "kind", "TARGET")
					.param(q + "region", "区".repeat(LetterLimits.REGION))
					.param(q + "growthRate", "-12345678.12")
					.param(q + "sourceSentence", "句".repeat(LetterLimits.SOURCE_SENTENCE));
			}
		}
		String location = this.mvc.perform(confirm.with(csrf()).with(as(s.official())))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		assertThat(figures(id)).isEqualTo(LetterLimits.FIGURES);

		// the editor shows the letter, and its form posts back as it is: saved, not
		// refused
		String page = this.mvc.perform(get("/workspace/unit/replies/" + id + "/edit").with(as(s.official())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document editor = Jsoup.parse(page);
		assertThat(editor.select("[aria-invalid=true]")).isEmpty();
		FormElement form = (FormElement) editor.getElementById("reply-form");
		MockHttpServletRequestBuilder save = post(form.attr("action")).param("action", "save");
		for (Connection.KeyVal field : form.formData()) {
			save.param(field.key(), field.value());
		}
		this.mvc.perform(save.with(csrf()).with(as(s.official())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/workspace/unit/replies/" + id + "/edit"))
			.andExpect(flash().attribute("message", "drafting.editor.saved"));
		assertThat(figures(id)).isEqualTo(LetterLimits.FIGURES);
		assertThat(this.jdbc.queryForObject("select count(*) from reply_section where reply_id = ?", Long.class, id))
			.isEqualTo(LetterLimits.SECTIONS);
		assertThat(this.jdbc.queryForObject("select length(opening) from reply where id = ?", Integer.class, id))
			.isEqualTo(LetterLimits.OPENING);
	}

	@Test
	void aLetterBeyondTheLimitsIsRefusedAtImportWithAMessage() throws Exception {
		Scenario s = this.data.scenario();
		MockHttpServletRequestBuilder confirm = post("/workspace/unit/import/confirm")
			.param("sessionId", String.valueOf(s.sessionId()))
			.param("number", "4")
			.param("disclosureMode", "PROACTIVE")
			.param("opening", "开".repeat(LetterLimits.OPENING + 1))
			.param("sections[0].kind", "RESPONSE")
			.param("sections[0].body", "正文");
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		String page = this.mvc.perform(confirm.with(csrf()).with(as(s.official())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(page).getElementById("import-invalid")).isNotNull();
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);

		// a letter that reaches the service without the form (the import API's) is held
		// to the same limits
		List<SectionContent> sections = new ArrayList<>();
		for (int i = 0; i <= LetterLimits.SECTIONS; i++) {
			sections.add(new SectionContent(SectionKind.RESPONSE, "", "正文", List.of()));
		}
		LetterContent content = new LetterContent(null, null, DisclosureMode.PROACTIVE, null, null, null, null, null,
				null, null, sections);
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.imports.confirm(s.official(),
					new ImportCommand(s.sessionId(), 4, null, null, null, ImportSource.API, null, content)))
			.extracting(ImportRefusedException::code)
			.isEqualTo(ImportRefusedException.LETTER_TOO_LARGE);
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	private long figures(long id) {
		return this.jdbc.queryForObject("select count(*) from figure where reply_id = ?", Long.class, id);
	}

}
