package org.dafu.opendata;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dafu.testing.AsViewer.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /replies.xlsx}: the CSV's search as a workbook, read back with POI. The same
 * rows as the CSV (one query path), only what the viewer may read, typed cells, hostile
 * text kept as inert text. The route walk reads bodies as text and cannot see inside the
 * zipped workbook, so the hidden rows are looked for here, cell by cell.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class SpreadsheetExportTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	/** A public reply (class A), one 依申请公开, one 不予公开 and a draft (class B). */
	record Seeded(Scenario s, String word, String open, String onRequest, String notPublic, long draft) {
	}

	Seeded seed() {
		Scenario s = this.data.scenario();
		String word = TestData.cjkWord();
		long open = this.data.issued(s, DisclosureMode.PROACTIVE, word);
		long onRequest = this.data.issued(s, DisclosureMode.ON_REQUEST, word);
		long notPublic = this.data.issued(s, DisclosureMode.NOT_PUBLIC, word);
		long draft = this.data.draft(s, word);
		return new Seeded(s, word, index(s, open), index(s, onRequest), index(s, notPublic), draft);
	}

	private String index(Scenario s, long reply) {
		return this.replies.readable(s.official(), reply).indexNumber();
	}

	@Test
	void theWorkbookHasTheCsvRowsAsTypedCellsUnderABoldFrozenHeader() throws Exception {
		Seeded d = seed();
		MockHttpServletResponse response = this.mvc.perform(get("/replies.xlsx").param("q", d.word()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(XLSX);
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename*=UTF-8''%E4%BA%BA%E5%A4%A7")
			.contains("filename=\"replies.xlsx\"");
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("答复");
			Row header = sheet.getRow(0);
			assertThat(texts(header)).containsExactly("索引号", "建议标题", "会议", "建议号", "承办单位", "建议类别", "办理结果分类", "答复日期",
					"网址");
			assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(3));
			// the anonymous visitor: the public reply only
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(d.open());
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("关于测试建议" + d.s().n() + "的建议");
			assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(4.0);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("测试单位" + d.s().n());
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("A");
			Cell date = row.getCell(7);
			assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
			assertThat(row.getCell(8).getStringCellValue()).endsWith("/replies/index/" + d.open());
			// the same rows and values as the CSV of the same search
			List<CSVRecord> csv = csv(get("/replies.csv").param("q", d.word()));
			assertThat(csv).hasSize(2);
			assertThat(csv.get(1).get(0)).isEqualTo(d.open());
			assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(csv.get(1).get(7)));
		}
		try (Workbook english = workbook(get("/replies.xlsx").param("q", d.word()).param("lang", "en"))) {
			assertThat(english.getSheetAt(0).getSheetName()).isEqualTo("Replies");
			assertThat(english.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Index number");
		}
	}

	@Test
	void theSearchPageLinksTheWorkbookBesideTheCsv() throws Exception {
		String word = TestData.cjkWord();
		String page = this.mvc.perform(get("/search").param("q", word).param("result", "A"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("/replies.csv?q=").contains("/replies.xlsx?q=").contains("导出 Excel");
	}

	@Test
	void hiddenRepliesAreAbsentForStrangersAndPresentForWhoeverMayReadThem() throws Exception {
		Seeded d = seed();
		List<String> hidden = List.of(d.onRequest(), d.notPublic());
		for (Viewer stranger : List.of(Viewer.anonymous(), d.s().bystander(), d.s().otherOfficial())) {
			List<String> seen = column(stranger, d.word(), 0);
			assertThat(seen).as("%s", stranger).containsExactly(d.open()).doesNotContainAnyElementsOf(hidden);
		}
		// the lead deputy: the issued replies to their proposal, not the draft
		assertThat(column(d.s().lead(), d.word(), 0)).containsExactlyInAnyOrder(d.open(), d.onRequest(), d.notPublic());
		// the unit's official and a coordinator: the draft too (no 索引号 yet, addressed by
		// id)
		for (Viewer entitled : List.of(d.s().official(), Viewer.coordinator("boss" + d.s().n()))) {
			assertThat(column(entitled, d.word(), 0)).as("%s", entitled)
				.containsExactlyInAnyOrder(d.open(), d.onRequest(), d.notPublic(), null);
			assertThat(column(entitled, d.word(), 8)).anyMatch((url) -> url.endsWith("/replies/" + d.draft()));
		}
	}

	@Test
	void filtersAreHonouredAndBadFiltersAreNotAServerError() throws Exception {
		Seeded d = seed();
		Viewer official = d.s().official();
		assertThat(column(official, d.word(), 6, "result", "B")).containsExactly("B");
		assertThat(column(official, d.word(), 6, "result", "A")).containsExactly("A", "A", "A");
		assertThat(column(official, d.word(), 0, "unit", String.valueOf(d.s().otherUnitId()))).isEmpty();
		assertThat(column(official, d.word(), 0, "session", String.valueOf(d.s().sessionId()))).hasSize(4);
		assertThat(column(Viewer.anonymous(), d.word(), 0, "year", "2021")).isEmpty();
		for (String[] bad : List.of(new String[] { "result", "Z" }, new String[] { "year", "abcd" },
				new String[] { "unit", "x" }, new String[] { "sort", "foo" }, new String[] { "session", "-1" },
				new String[] { "region", "区".repeat(500) }, new String[] { "unit", "1; drop table reply" })) {
			int status = this.mvc.perform(get("/replies.xlsx").param("q", d.word()).param(bad[0], bad[1]))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("%s=%s", bad[0], bad[1]).isIn(200, 400);
		}
		// a query that cannot be searched: the CSV's 400 with its message, not a workbook
		MockHttpServletResponse tooLong = this.mvc.perform(get("/replies.xlsx").param("q", "光".repeat(101)))
			.andReturn()
			.getResponse();
		assertThat(tooLong.getStatus()).isEqualTo(400);
		assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains("关键词太长了");
	}

	@Test
	void hostileTextIsKeptAsInertText() throws Exception {
		String formula = "=cmd|' /C calc'!A0";
		long unit = this.data.unit(formula);
		long topic = this.data.topic("<script>alert(1)</script>");
		long session = this.data.session(2024).id();
		long proposal = this.data.assignedProposal(session, 7, this.data.deputy("代表"), topic, unit,
				LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1));
		String word = TestData.cjkWord();
		this.data.issuedWith(proposal, unit, "Z" + TestData.unique(), TestData.shortLetter(word,
				DisclosureMode.PROACTIVE, ResultClass.A, LocalDate.of(2024, 5, 1), List.of()));
		try (Workbook book = workbook(get("/replies.xlsx").param("q", word))) {
			Row row = book.getSheetAt(0).getRow(1);
			Cell unitCell = row.getCell(4);
			assertThat(unitCell.getCellType()).isEqualTo(CellType.STRING);
			assertThat(unitCell.getStringCellValue()).startsWith(formula);
			assertThat(unitCell.getCellStyle().getQuotePrefixed()).isTrue();
			Cell topicCell = row.getCell(5);
			assertThat(topicCell.getCellType()).isEqualTo(CellType.STRING);
			assertThat(topicCell.getStringCellValue()).startsWith("<script>alert(1)</script>");
			for (Row r : book.getSheetAt(0)) {
				for (Cell c : r) {
					assertThat(c.getCellType()).as("no formula anywhere").isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	private List<String> column(Viewer viewer, String word, int column, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get("/replies.xlsx").param("q", word);
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		if (viewer.role() != org.dafu.access.Role.PUBLIC) {
			request = request.with(as(viewer));
		}
		try (Workbook book = workbook(request)) {
			List<String> values = new ArrayList<>();
			Sheet sheet = book.getSheetAt(0);
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				Cell cell = sheet.getRow(i).getCell(column);
				values.add((cell == null || cell.getCellType() == CellType.BLANK) ? null : cell.getStringCellValue());
			}
			return values;
		}
	}

	private Workbook workbook(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
	}

	private List<CSVRecord> csv(MockHttpServletRequestBuilder request) throws Exception {
		byte[] bytes = this.mvc.perform(request).andReturn().getResponse().getContentAsByteArray();
		return CSVFormat.RFC4180.builder()
			.get()
			.parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)))
			.getRecords();
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((c) -> texts.add(c.getStringCellValue()));
		return texts;
	}

}
