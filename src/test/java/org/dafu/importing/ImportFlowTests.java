package org.dafu.importing;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ReplyStatus;
import org.dafu.reply.ReplyView;
import org.dafu.reply.SectionKind;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The official's import flow: paste, .txt (GB18030) and .docx each land the sample letter
 * in a draft with its sections, figures and header; the preview writes nothing; a
 * correction made in the preview is what is saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ImportFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyReview review;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void thePastedSamplePreviewShowsEveryPartAndWritesNothing() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		Document page = preview(s.official(), post("/workspace/unit/import/preview").param("text", letter.text()));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(page.getElementById("indexNumber").val()).isEqualTo(letter.indexNumber());
		assertThat(page.getElementById("writtenDate").val()).isEqualTo("2022-11-20");
		assertThat(page.select("#disclosureMode option[selected]").val()).isEqualTo("PROACTIVE");
		assertThat(page.getElementById("catalogCategory").val()).isEqualTo("人大代表建议");
		assertThat(page.getElementById("addressee").val()).isEqualTo("朱伟正等代表");
		assertThat(page.select("#sessionId option[selected]").val()).isEqualTo(letter.session().id().toString());
		assertThat(page.getElementById("number").val()).isEqualTo(String.valueOf(letter.number()));
		assertThat(page.getElementById("title").val()).isEqualTo("关于注重六个统筹加大统筹力度高质量建设四省边际共同富裕示范区的");
		assertThat(page.getElementById("proposal-match").text()).contains("草稿将附在该建议下");
		for (int i = 0; i < 6; i++) {
			assertThat(page.getElementById("s" + i + "-heading").val()).isEqualTo(ImportLetters.HEADINGS.get(i));
		}
		assertThat(page.select("#s6-kind option[selected]").val()).isEqualTo("NEXT_STEPS");
		assertThat(page.select("#section-6 .import-items li")).hasSize(3);
		assertThat(page.getElementById("closing").val()).startsWith("感谢你们对衢州经济社会发展的关心");
		assertThat(page.getElementById("issuer").val()).isEqualTo("衢州市人民政府办公室");
		assertThat(page.getElementById("signedDate").val()).isEqualTo("2022-11-06");
		assertThat(page.select("input[id$=-value]").eachAttr("value")).contains("5000", "2062.44", "204.22", "8.59");
		assertThat(page.select(".import-warning").eachAttr("data-code")).contains("REGION_MISSING",
				"SIGNED_BEFORE_WRITTEN");
		assertThat(page.select(".import-warning").text()).contains("“并网光伏装机”的分项19.69万千瓦未写明地区");
		// the figure the warning is about is marked, and its region can be filled in
		assertThat(page.select("fieldset.figure-editor.flagged input[id$=-value]").eachAttr("value"))
			.containsExactly("19.69");
	}

	@Test
	void confirmingThePastedSampleSavesADraftOfTheUnitWithEveryPart() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Document page = preview(s.official(), post("/workspace/unit/import/preview").param("text", letter.text()));

		long id = confirm(s.official(), page, Map.of());

		ReplyView draft = this.replies.readable(s.official(), id);
		assertSample(draft, s, letter);
		assertThat(
				this.jdbc.queryForObject("select index_number from letter_import where reply_id = ?", String.class, id))
			.isEqualTo(letter.indexNumber());
		assertThat(
				this.jdbc.queryForObject("select source_kind from letter_import where reply_id = ?", String.class, id))
			.isEqualTo("PASTE");
		assertThat(
				this.jdbc.queryForObject("select actor from audit_log where action = 'LETTER_IMPORTED' and target = ?",
						String.class, "reply:" + id))
			.isEqualTo(s.official().username());
	}

	@Test
	void issuingAnImportedDraftKeepsTheLettersOwnIndexNumber() throws Exception {
		Scenario s = this.data.scenario();
		String own = "T" + s.n() + "/2022-" + (900000 + s.n() % 1000);
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId()).withIndexNumber(own);
		Document page = preview(s.official(), post("/workspace/unit/import/preview").param("text", letter.text()));
		long id = confirm(s.official(), page, Map.of(name(page, "resultClass"), "B"));

		ReplyView issued = this.review.issue(s.official(), id, this.replies.readable(s.official(), id).version());

		assertThat(issued.indexNumber()).isEqualTo(own);
		// another unit's number is not kept: the draft gets its unit's next one on
		// issuing
		Letter foreign = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Document other = preview(s.official(), post("/workspace/unit/import/preview").param("text", foreign.text()));
		long second = confirm(s.official(), other, Map.of(name(other, "resultClass"), "A"));
		ReplyView renumbered = this.review.issue(s.official(), second,
				this.replies.readable(s.official(), second).version());
		assertThat(renumbered.indexNumber()).startsWith("T" + s.n() + "/").isNotEqualTo(foreign.indexNumber());
	}

	@Test
	void aGb18030TextFileImportsTheSample() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		byte[] gb = letter.text().getBytes(Charset.forName("GB18030"));
		Document page = preview(s.official(), multipart("/workspace/unit/import/preview")
			.file(new MockMultipartFile("file", "答复.txt", "text/plain", gb)));
		assertThat(page.text()).contains("答复.txt");

		long id = confirm(s.official(), page, Map.of());

		assertSample(this.replies.readable(s.official(), id), s, letter);
		assertThat(this.jdbc.queryForObject(
				"select source_kind || ' ' || source_name from letter_import where reply_id = ?", String.class, id))
			.isEqualTo("TXT 答复.txt");
	}

	@Test
	void aWordDocumentWithTheHeaderTableImportsTheSample() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		byte[] docx = ImportLetters.docx(letter.text());
		Document page = preview(s.official(), multipart("/workspace/unit/import/preview")
			.file(new MockMultipartFile("file", "答复.docx", "application/octet-stream", docx)));
		assertThat(page.getElementById("indexNumber").val()).isEqualTo(letter.indexNumber());

		long id = confirm(s.official(), page, Map.of());

		assertSample(this.replies.readable(s.official(), id), s, letter);
	}

	@Test
	void whatTheOfficialCorrectsInThePreviewIsWhatIsSaved() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Document page = preview(s.official(), post("/workspace/unit/import/preview").param("text", letter.text()));
		String flagged = page.select("fieldset.figure-editor.flagged").attr("id");
		String first = page.select("fieldset.figure-editor").first().id();

		long id = confirm(s.official(), page,
				Map.of(name(page, flagged + "-region"), "开化县", name(page, first + "-value"), "5000.5", "resultClass",
						"B", "title", "关于测试<script>alert(1)</script>的建议"));

		ReplyView draft = this.replies.readable(s.official(), id);
		List<FigureContent> figures = draft.sections()
			.stream()
			.flatMap((section) -> section.figures().stream())
			.map(ReplyView.FigureView::content)
			.toList();
		assertThat(figures).filteredOn((f) -> f.value().compareTo(new BigDecimal("19.69")) == 0)
			.singleElement()
			.extracting(FigureContent::region)
			.isEqualTo("开化县");
		assertThat(figures.get(0).value()).isEqualByComparingTo("5000.5");
		assertThat(draft.resultClass()).hasToString("B");
		// the proposal is the registered one: the letter's title does not change it
		assertThat(draft.proposal().title()).isEqualTo("关于统计建议" + letter.number() + "的建议");
	}

	static void assertSample(ReplyView draft, Scenario s, Letter letter) {
		assertThat(draft.status()).isEqualTo(ReplyStatus.DRAFT);
		assertThat(draft.unit().id()).isEqualTo(s.unitId());
		assertThat(draft.proposal().sessionId()).isEqualTo(letter.session().id());
		assertThat(draft.proposal().number()).isEqualTo(letter.number());
		assertThat(draft.writtenOn()).isEqualTo(LocalDate.of(2022, 11, 20));
		assertThat(draft.signedOn()).isEqualTo(LocalDate.of(2022, 11, 6));
		assertThat(draft.disclosureMode()).isEqualTo(DisclosureMode.PROACTIVE);
		assertThat(draft.catalogCategory()).isEqualTo("人大代表建议");
		assertThat(draft.addressee()).isEqualTo("朱伟正等代表：");
		assertThat(draft.issuer()).isEqualTo("衢州市人民政府办公室");
		assertThat(draft.closing()).startsWith("感谢你们对衢州经济社会发展的关心");
		assertThat(draft.sections()).hasSize(7);
		assertThat(draft.sections().subList(0, 6)).extracting(ReplyView.SectionView::heading)
			.containsExactlyElementsOf(ImportLetters.HEADINGS);
		assertThat(draft.sections().subList(0, 6)).extracting(ReplyView.SectionView::kind)
			.containsOnly(SectionKind.RESPONSE);
		assertThat(draft.sections().get(6).kind()).isEqualTo(SectionKind.NEXT_STEPS);
		assertThat(draft.sections().get(6).body()).contains("一是坚持发展第一要务", "二是坚持创新第一动力", "三是坚持人民第一位");
		List<FigureContent> first = draft.sections()
			.get(0)
			.figures()
			.stream()
			.map(ReplyView.FigureView::content)
			.toList();
		assertThat(first).filteredOn((f) -> f.kind() == FigureKind.TARGET && f.unit().equals("亿元"))
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.value()).isEqualByComparingTo("5000");
				assertThat(f.subject()).isEqualTo("规上工业总产值");
				assertThat(f.comparator()).isEqualTo("突破");
				assertThat(f.deadlineYear()).isEqualTo(2026);
			});
		assertThat(first).filteredOn((f) -> f.kind() == FigureKind.ACHIEVEMENT && f.unit().equals("亿元"))
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.value()).isEqualByComparingTo("2062.44");
				assertThat(f.period()).isEqualTo("1—9月");
				assertThat(f.growthRate()).isEqualByComparingTo("12.3");
			});
		List<FigureContent> all = draft.sections()
			.stream()
			.flatMap((section) -> section.figures().stream())
			.map(ReplyView.FigureView::content)
			.toList();
		assertThat(all).filteredOn((f) -> "并网光伏装机".equals(f.subject()))
			.extracting(FigureContent::value)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("204.22"), new BigDecimal("31.27"), new BigDecimal("49.47"),
					new BigDecimal("37.95"), new BigDecimal("46.46"), new BigDecimal("19.38"), new BigDecimal("19.69"));
		assertThat(all).filteredOn((f) -> "职业技能培训".equals(f.subject())).singleElement().satisfies((f) -> {
			assertThat(f.value()).isEqualByComparingTo("8.59");
			assertThat(f.unit()).isEqualTo("万人次");
			assertThat(f.taskShare()).isEqualByComparingTo("130");
		});
	}

	private Document preview(Viewer viewer, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf()).with(as(viewer)))
			.andExpect(status().isOk())
			.andReturn();
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/");
	}

	/** The name of the form field with this id. */
	static String name(Document page, String id) {
		return page.getElementById(id).attr("name");
	}

	/** Submits the preview's form as a browser would, with some fields changed. */
	private long confirm(Viewer viewer, Document page, Map<String, String> changes) throws Exception {
		MvcResult result = this.mvc.perform(ImportTestSupport.submit(page, changes).with(csrf()).with(as(viewer)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/workspace/unit/replies/*/edit"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.replaceAll("\\D", ""));
	}

}
