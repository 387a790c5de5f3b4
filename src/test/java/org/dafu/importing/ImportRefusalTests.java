package org.dafu.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dafu.access.Viewer;
import org.dafu.congress.CongressService;
import org.dafu.importing.ImportLetters.Letter;
import org.dafu.letter.InflatingDocx;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the import refuses, and that a refusal or failure writes nothing: bad files,
 * hostile input, a failure after the proposal was created, another unit's proposal, wrong
 * roles.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class ImportRefusalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CongressService congress;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void badFilesGetAClearMessageAndChangeNothing() throws Exception {
		Scenario s = this.data.scenario();
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		byte[] zipWithPathTricks = zip("../../etc/passwd", "root:x:0:0");
		byte[] oversized = new byte[3 * 1024 * 1024];
		java.util.Arrays.fill(oversized, (byte) 'a');

		upload(s.official(), "empty.txt", new byte[0], status().isBadRequest(), "没有收到内容");
		upload(s.official(), "binary.txt", new byte[] { 'a', 0, 1, 2, (byte) 0xFF }, status().isBadRequest(),
				"无法识别文件中的文字");
		upload(s.official(), "bytes.txt", new byte[] { 'a', 'b', (byte) 0xFF, (byte) 0xFE, (byte) 0xFF },
				status().isBadRequest(), "无法识别文件中的文字");
		upload(s.official(), "renamed.docx", ImportLetters.sample().getBytes(StandardCharsets.UTF_8),
				status().isBadRequest(), "不是有效的 .docx 文档");
		upload(s.official(), "tricks.docx", zipWithPathTricks, status().isBadRequest(), "不是有效的 .docx 文档");
		upload(s.official(), "letter.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), status().isBadRequest(),
				"不支持该文件类型");
		upload(s.official(), "big.txt", oversized, status().isPayloadTooLarge(), "答复函不能超过 2 MB");
		// 150-odd KB that inflate to 12 MB of text: refused once 2 MB of text are read
		upload(s.official(), "inflating.docx", InflatingDocx.paragraphs(12 * 1024 * 1024), status().isPayloadTooLarge(),
				"文件解压后的文字超过 2 MB 的上限，已停止读取");
		upload(s.official(), "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.US_ASCII),
				status().isBadRequest(), "不支持该文件类型");
		paste(s.official(), "", status().isBadRequest(), "没有收到内容");
		paste(s.official(), "   \n  ", status().isBadRequest(), "没有收到内容");
		paste(s.official(), "这不是答复函，只是一段文字。", status().isBadRequest(), "未识别出答复函");
		paste(s.official(), "<script>alert(1)</script>不是答复函", status().isBadRequest(),
				"&lt;script&gt;alert(1)&lt;/script&gt;不是答复函</textarea>");
		paste(s.official(), "一、关于\u0000测试", status().isBadRequest(), "无法识别文件中的文字");

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void messagesAreInEnglishWhenAskedFor() throws Exception {
		Scenario s = this.data.scenario();
		this.mvc
			.perform(post("/workspace/unit/import/preview").param("lang", "en")
				.param("text", "")
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Nothing was received: paste the letter or choose a file.")));
		this.mvc
			.perform(post("/workspace/unit/import/preview").param("lang", "en")
				.param("text", ImportLetters.unique(this.congress).text())
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Import preview")))
			.andExpect(content().string(containsString("A part of “并网光伏装机” (19.69 万千瓦) names no region")))
			.andExpect(content().string(containsString("Confirm: import as a draft reply")));
	}

	@Test
	void hostileTextAndFileNamesComeBackEscapedAndHarmless() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId())
			.replace("关于统筹产业发展", "<script>alert('x')</script>\"><img src=x onerror=alert(1)>关于统筹产业发展")
			.replace("实现共同富裕,", "实现共同富裕'; drop table reply;--,");
		String page = this.mvc
			.perform(
					multipart("/workspace/unit/import/preview")
						.file(new MockMultipartFile("file", "../../etc/passwd<img src=x onerror=alert(1)>.txt",
								"text/plain", letter.text().getBytes(StandardCharsets.UTF_8)))
						.with(csrf())
						.with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(not(containsString("../../etc"))))
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document preview = Jsoup.parse(page);
		assertThat(preview.getElementById("s0-heading").val()).startsWith("<script>alert('x')</script>");
		assertThat(preview.select("input[name=sourceName]").val()).isEqualTo("passwd<img src=x onerror=alert(1)>.txt");

		String location = this.mvc
			.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		assertThat(this.jdbc.queryForObject("select body from reply_section where reply_id = ? and ordinal = 1",
				String.class, id))
			.startsWith("实现共同富裕'; drop table reply;--,");
		assertThat(
				this.jdbc.queryForObject("select source_name from letter_import where reply_id = ?", String.class, id))
			.isEqualTo("passwd<img src=x onerror=alert(1)>.txt");
	}

	@Test
	void aFailureAfterTheDraftWasCreatedWritesNothing() throws Exception {
		Scenario s = this.data.scenario();
		Letter first = ImportLetters.assigned(this.congress, this.data, s.unitId());
		confirmed(s.official(), first);
		// the same 索引号 again, for another proposal of the unit: the draft is created
		// before the duplicate is found
		this.data.assignedProposal(first.session().id(), first.number() + 1, this.data.deputy("代表"), null, s.unitId(),
				java.time.LocalDate.of(2022, 3, 1), null);
		Letter again = first.withNumber(first.number() + 1);
		Document preview = preview(s.official(), again);
		assertThat(preview.getElementById("index-number-known")).isNotNull();
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		long imported = importedEntries();

		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("该索引号的答复函已经导入或已签发，未重复保存。")));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(importedEntries()).isEqualTo(imported);
	}

	@Test
	void aLetterForAProposalNotAssignedToTheUnitIsRefusedAndRegistersNothing() throws Exception {
		Scenario s = this.data.scenario();
		String deputy = "虚构代表" + TestData.unique();
		Letter letter = ImportLetters.unique(this.congress).replace("朱伟正等代表", deputy + "等代表");
		Document preview = preview(s.official(), letter);
		assertThat(preview.getElementById("proposal-match").text()).contains("未交办给本单位主办");
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(
					containsString(letter.session().name() + " 第" + letter.number() + "号建议未交办给本单位主办，不能导入为本单位的答复。")));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from proposal where session_id = ?", Long.class,
				letter.session().id()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from deputy where name = ?", Long.class, deputy)).isZero();

		// registered and led by another unit: refused with the same message
		this.data.assignedProposal(letter.session().id(), letter.number(), this.data.deputy("代表"), null,
				s.otherUnitId(), java.time.LocalDate.of(2022, 3, 1), null);
		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("号建议未交办给本单位主办")));
	}

	@Test
	void whetherAnIndexNumberIsTakenIsToldOnlyToWhoMayReadTheReplyThatHasIt() throws Exception {
		Scenario s = this.data.scenario();
		// a draft of the other unit holds two numbers: one of its own organisation code
		// (U…) and one of no unit's code (IMP…)
		String othersOwn = "U" + s.n() + "/2022-" + TestData.unique();
		Letter theirs = ImportLetters.assigned(this.congress, this.data, s.otherUnitId()).withIndexNumber(othersOwn);
		confirmed(s.otherOfficial(), theirs);
		Letter theirsToo = ImportLetters.assigned(this.congress, this.data, s.otherUnitId());
		confirmed(s.otherOfficial(), theirsToo);

		// the other unit's official may read them: told plainly
		Letter again = ImportLetters.assigned(this.congress, this.data, s.otherUnitId())
			.withIndexNumber(theirsToo.indexNumber());
		assertThat(preview(s.otherOfficial(), again).getElementById("index-number-known")).isNotNull();

		// this official may not: the preview says nothing of existence
		Letter mine = ImportLetters.assigned(this.congress, this.data, s.unitId());
		Document taken = preview(s.official(), mine.withIndexNumber(theirsToo.indexNumber()));
		assertThat(taken.getElementById("index-number-known")).isNull();
		assertThat(taken.text()).doesNotContain("已经在系统中");
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		String refusal = this.mvc.perform(ImportTestSupport.submit(taken, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refusal).getElementById("import-refusal").text()).isEqualTo(
				"索引号 " + theirsToo.indexNumber() + " 不能用于本单位的导入：它不是本单位可用的索引号。请核对索引号；也可以清空索引号后导入，签发时将分配本单位的新索引号。");
		assertThat(refusal).doesNotContain("已经导入或已签发").doesNotContain("已经在系统中");

		// another unit's number answers the same whether a reply has it or not
		String unused = "U" + s.n() + "/2022-" + TestData.unique();
		Document[] previews = { preview(s.official(), mine.withIndexNumber(othersOwn)),
				preview(s.official(), mine.withIndexNumber(unused)) };
		String[] answers = new String[2];
		for (int i = 0; i < 2; i++) {
			assertThat(previews[i].getElementById("index-number-known")).isNull();
			assertThat(previews[i].getElementById("index-number-other-unit")).isNotNull();
			answers[i] = Jsoup
				.parse(this.mvc
					.perform(ImportTestSupport.submit(previews[i], Map.of()).with(csrf()).with(as(s.official())))
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString())
				.getElementById("import-refusal")
				.text();
		}
		assertThat(answers[0].replace(othersOwn, "N")).isEqualTo(answers[1].replace(unused, "N"))
			.contains("不能用于本单位的导入");
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aLetterAlreadyIssuedInThePortalIsNotImportedAgain() throws Exception {
		Scenario s = this.data.scenario();
		long issued = this.data.issued(s, org.dafu.reply.DisclosureMode.PROACTIVE, "已签发");
		String indexNumber = this.jdbc.queryForObject("select index_number from reply where id = ?", String.class,
				issued);
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.unitId()).withIndexNumber(indexNumber);
		Document preview = preview(s.official(), letter);
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isConflict());

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void anOfficialCannotImportIntoAProposalOfAnotherUnit() throws Exception {
		Scenario s = this.data.scenario();
		// the letter cites the scenario's proposal No. 4, which the scenario's unit leads
		String sessionName = this.congress.session(s.sessionId()).name();
		Letter letter = ImportLetters.unique(this.congress);
		Document preview = preview(s.otherOfficial(), letter);
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc
			.perform(ImportTestSupport.submit(preview,
					Map.of("sessionId", String.valueOf(s.sessionId()), "number", "4", "unitId",
							String.valueOf(s.unitId())))
				.with(csrf())
				.with(as(s.otherOfficial())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第4号建议未交办给本单位主办")));

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(sessionName).isNotBlank();
	}

	@Test
	void aPostedUnitIsIgnoredTheDraftIsOfTheOfficialsUnit() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.assigned(this.congress, this.data, s.otherUnitId());
		Document preview = preview(s.otherOfficial(), letter);

		String location = this.mvc
			.perform(ImportTestSupport.submit(preview, Map.of("unitId", String.valueOf(s.unitId())))
				.with(csrf())
				.with(as(s.otherOfficial())))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		long id = Long.parseLong(location.replaceAll("\\D", ""));
		assertThat(this.jdbc.queryForObject("select unit_id from reply where id = ?", Long.class, id))
			.isEqualTo(s.otherUnitId());
	}

	@Test
	void aSessionThatDoesNotExistIsNotCreatedTheOfficialMustChoose() throws Exception {
		Scenario s = this.data.scenario();
		Letter letter = ImportLetters.unique(this.congress).replace(ImportLetters.SAMPLE_SESSION, "市九届人大九次会议");
		String unknown = letter.session().name().replace(ImportLetters.SAMPLE_SESSION, "市九届人大九次会议");
		Document preview = preview(s.official(), letter);
		assertThat(preview.select("#sessionId option[selected]").val()).isEmpty();
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.official())))
			.andExpect(status().isBadRequest());

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
		assertThat(this.congress.sessionNamed(unknown)).isEmpty();
	}

	@Test
	void invalidEditsAreShownAgainAndNothingIsSaved() throws Exception {
		Scenario s = this.data.scenario();
		Document preview = preview(s.official(), ImportLetters.unique(this.congress));
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);

		String first = preview.select("fieldset.figure-editor").get(0).id();
		String second = preview.select("fieldset.figure-editor").get(1).id();
		Document again = resubmit(s.official(), preview,
				Map.of("indexNumber", "not an index", ImportFlowTests.name(preview, second + "-subject"), ""));
		assertThat(again.getElementById("import-invalid")).isNotNull();
		assertThat(again.getElementById("indexNumber").attr("aria-invalid")).isEqualTo("true");
		assertThat(again.select("#" + second + " .error")).isNotEmpty();
		assertThat(again.select("#" + first + " .error")).isEmpty();
		assertThat(again.select(".import-warning")).isNotEmpty();

		again = resubmit(s.official(), preview, Map.of(ImportFlowTests.name(preview, first + "-value"), "12abc"));
		assertThat(again.getElementById("import-invalid")).isNotNull();
		assertThat(again.select("#" + first + " .error")).isNotEmpty();

		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void listIndexesWithGapsAreDroppedNotAServerError() throws Exception {
		Scenario s = this.data.scenario();
		// the scenario's proposal No. 4 is led by the official's unit: only the sparse
		// lists are odd
		String location = this.mvc
			.perform(post("/workspace/unit/import/confirm").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "4")
				.param("disclosureMode", "PROACTIVE")
				.param("sections[1].kind", "RESPONSE")
				.param("sections[1].heading", "一、关于间隔的部分")
				.param("sections[1].figures[3].subject", "规上工业总产值")
				.param("sections[1].figures[3].value", "5000")
				.param("sections[1].figures[3].unit", "亿元")
				.param("sections[1].figures[3].kind", "TARGET")
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		assertThat(this.jdbc.queryForObject("select count(*) from reply_section where reply_id = ?", Long.class, id))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from figure where reply_id = ?", Long.class, id))
			.isEqualTo(1);

		// a figure alone, its list starting past the end, and no section at all: refused
		// with the form shown again, nothing saved
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		this.mvc
			.perform(post("/workspace/unit/import/confirm").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "4")
				.param("disclosureMode", "PROACTIVE")
				.param("sections[3].figures[0].subject", "x")
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/workspace/unit/import/confirm").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "4")
				.param("disclosureMode", "PROACTIVE")
				.param("sections[2].body", "正文")
				.param("sections[0].heading", "一、第一部分")
				.param("sections[0].kind", "RESPONSE")
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/workspace/unit/import/confirm").param("sessionId", String.valueOf(s.sessionId()))
				.param("number", "4")
				.param("disclosureMode", "PROACTIVE")
				.param("sections[0].heading", "一、第一部分")
				.param("sections[0].kind", "RESPONSE")
				.param("sections[0].figures[99999].subject", "x")
				.with(csrf())
				.with(as(s.official())))
			.andExpect(status().is4xxClientError());
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void onlyOfficialsMayImport() throws Exception {
		Scenario s = this.data.scenario();
		this.mvc.perform(get("/workspace/unit/import"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/workspace/unit/import").with(as(s.lead()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/unit/import").with(as(Viewer.coordinator("boss"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/workspace/unit/import").with(as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-paste\"")));
		Document preview = preview(s.official(), ImportLetters.unique(this.congress));
		Map<String, Long> before = ImportTestSupport.counts(this.jdbc);
		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf()).with(as(s.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(csrf())).andExpect(status().isFound());
		this.mvc.perform(ImportTestSupport.submit(preview, Map.of()).with(as(s.official())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/workspace/unit/import/preview").param("text", ImportLetters.sample())
				.with(csrf())
				.with(as(s.bystander())))
			.andExpect(status().isForbidden());
		assertThat(ImportTestSupport.counts(this.jdbc)).isEqualTo(before);
	}

	@Test
	void theWorkspaceNavigationLinksTheImportForOfficialsOnly() throws Exception {
		Scenario s = this.data.scenario();
		this.mvc.perform(get("/workspace/unit/import").with(as(s.official())))
			.andExpect(content().string(containsString("href=\"/workspace/unit/import\"")));
		this.mvc.perform(get("/my").with(as(s.lead())))
			.andExpect(content().string(not(containsString("href=\"/workspace/unit/import\""))));
	}

	private long importedEntries() {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = 'LETTER_IMPORTED'", Long.class);
	}

	private Document resubmit(Viewer official, Document preview, Map<String, String> changes) throws Exception {
		return Jsoup.parse(this.mvc.perform(ImportTestSupport.submit(preview, changes).with(csrf()).with(as(official)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void confirmed(Viewer official, Letter letter) throws Exception {
		this.mvc.perform(ImportTestSupport.submit(preview(official, letter), Map.of()).with(csrf()).with(as(official)))
			.andExpect(status().isFound());
	}

	private Document preview(Viewer official, Letter letter) throws Exception {
		return Jsoup.parse(this.mvc
			.perform(
					post("/workspace/unit/import/preview").param("text", letter.text()).with(csrf()).with(as(official)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void upload(Viewer official, String filename, byte[] bytes, ResultMatcher status, String message)
			throws Exception {
		this.mvc
			.perform(multipart("/workspace/unit/import/preview")
				.file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
				.with(csrf())
				.with(as(official)))
			.andExpect(status)
			.andExpect(content().string(containsString(message)));
	}

	private void paste(Viewer official, String text, ResultMatcher status, String message) throws Exception {
		this.mvc.perform(post("/workspace/unit/import/preview").param("text", text).with(csrf()).with(as(official)))
			.andExpect(status)
			.andExpect(content().string(containsString(message)));
	}

	private static byte[] zip(String entry, String content) throws java.io.IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
