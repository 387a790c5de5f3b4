package org.dafu.stats;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The statistics of a session as a workbook, read back with POI: the page's tables, the
 * numbers as number cells, and the small-number rule (satisfaction only from three
 * evaluations, otherwise 「—」 with the reason) for the session and each unit. One session
 * has units with 1, 2 and 3 evaluations; another has a single evaluation.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsSpreadsheetTests {

	static final String FEW = "—（测评不足 3 件，不公布）";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	long session;

	String sessionName;

	long one;

	long three;

	long lonelySession;

	@BeforeAll
	void build() {
		int n = TestData.unique();
		var s = this.data.session(2021);
		this.session = s.id();
		this.sessionName = s.name();
		this.one = this.data.unit("一件单位" + n);
		long two = this.data.unit("两件单位" + n);
		this.three = this.data.unit("三件单位" + n);
		long deputy = this.data.deputy("表格代表" + n);
		int number = 1;
		for (long unit : List.of(this.one, two, this.three)) {
			int evaluations = (unit == this.one) ? 1 : (unit == two) ? 2 : 3;
			for (long reply : replies(this.session, unit, deputy, number, evaluations)) {
				rate(reply, deputy, (unit == this.one) ? "UNSATISFIED" : "SATISFIED");
			}
			number += evaluations;
		}
		this.lonelySession = this.data.session(2020).id();
		long lonelyUnit = this.data.unit("孤单单位" + n);
		for (long reply : replies(this.lonelySession, lonelyUnit, deputy, 1, 1)) {
			rate(reply, deputy, "UNSATISFIED");
		}
	}

	private List<Long> replies(long session, long unit, long deputy, int firstNumber, int count) {
		String code = this.jdbc.queryForObject("select org_code from handling_unit where id = ?", String.class, unit);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long proposal = this.data.assignedProposal(session, firstNumber + i, deputy, null, unit,
					LocalDate.of(2022, 3, 1), LocalDate.of(2022, 6, 1));
			ids.add(this.data.issuedWith(proposal, unit, code, TestData.shortLetter("表格" + unit + "-" + i,
					DisclosureMode.NOT_PUBLIC, ResultClass.B, LocalDate.of(2022, 5, 1), List.of())));
		}
		return ids;
	}

	private void rate(long reply, long deputy, String result) {
		Ratings.rate(this.jdbc, reply, deputy, result);
	}

	@Test
	void theWorkbookHasThePagesTablesWithNumbersAsNumbers() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/statistics/sessions/{id}.xlsx", this.session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("filename=\"statistics-session-" + this.session + ".xlsx\"")
			.contains("filename*=UTF-8''")
			.contains("%E5%BB%BA%E8%AE%AE%E5%8A%9E%E7%90%86%E7%BB%9F%E8%AE%A1.xlsx");
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(List.of(book.getSheetAt(0).getSheetName(), book.getSheetAt(1).getSheetName(),
					book.getSheetAt(2).getSheetName(), book.getSheetAt(3).getSheetName()))
				.containsExactly("概况", "办理结果分类", "按主题分类", "各主办单位办理情况");
			for (Sheet sheet : book) {
				assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
				assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			}
			Sheet summary = book.getSheetAt(0);
			assertThat(value(summary, "会议").getStringCellValue()).isEqualTo(this.sessionName);
			assertThat(value(summary, "收到建议").getNumericCellValue()).isEqualTo(6.0);
			assertThat(value(summary, "已答复").getNumericCellValue()).isEqualTo(6.0);
			Cell replyRate = value(summary, "办复率");
			assertThat(replyRate.getNumericCellValue()).isEqualTo(1.0);
			assertThat(replyRate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			// the session as a whole has 6 evaluations: 5 of 6 satisfied
			assertThat(value(summary, "满意率（含基本满意）").getNumericCellValue()).isEqualTo(0.833);
			assertThat(value(summary, "满意度测评").getNumericCellValue()).isEqualTo(6.0);
			assertThat(value(summary, "满意").getNumericCellValue()).isEqualTo(5.0);
			assertThat(value(summary, "不满意").getNumericCellValue()).isEqualTo(1.0);
			Sheet classes = book.getSheetAt(1);
			assertThat(texts(classes.getRow(0))).containsExactly("办理结果", "件数", "占比");
			assertThat(classes.getRow(2).getCell(0).getStringCellValue()).isEqualTo("B 类");
			assertThat(classes.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(6.0);
			assertThat(classes.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1.0);
			Sheet units = book.getSheetAt(3);
			assertThat(texts(units.getRow(0))).containsExactly("主办单位", "交办", "已答复", "按时办复", "逾期", "平均办理天数",
					"满意率（含基本满意）", "满意率（仅满意）", "催办次数");
			Row oneRow = unitRow(units, this.one);
			assertThat(oneRow.getCell(8).getNumericCellValue()).as("催办次数").isEqualTo(0.0);
			assertThat(oneRow.getCell(1).getNumericCellValue()).isEqualTo(1.0);
			assertThat(oneRow.getCell(6).getStringCellValue()).isEqualTo(FEW);
			assertThat(oneRow.getCell(7).getStringCellValue()).isEqualTo(FEW);
			Row threeRow = unitRow(units, this.three);
			assertThat(threeRow.getCell(6).getNumericCellValue()).isEqualTo(1.0);
			assertThat(threeRow.getCell(7).getNumericCellValue()).isEqualTo(1.0);
			// the lone 不满意 of unit one is nowhere as a number: no cell of its row reads 0
			assertThat(oneRow.getCell(6).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	@Test
	void aSessionWithOneEvaluationWithholdsTheRatesAndTheSplitWithTheReason() throws Exception {
		try (Workbook book = workbook(get("/statistics/sessions/{id}.xlsx", this.lonelySession))) {
			Sheet summary = book.getSheetAt(0);
			assertThat(value(summary, "满意度测评").getNumericCellValue()).isEqualTo(1.0);
			for (String label : List.of("满意率（含基本满意）", "满意率（仅满意）", "满意", "基本满意", "不满意")) {
				Cell cell = value(summary, label);
				assertThat(cell.getCellType()).as(label).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).as(label).isEqualTo(FEW);
			}
			assertThat(texts(summary.getRow(summary.getLastRowNum()))).singleElement().asString().contains("不少于 3 件");
			assertThat(unitRowOf(book.getSheetAt(3), 1).getCell(6).getStringCellValue()).isEqualTo(FEW);
		}
		try (Workbook english = workbook(
				get("/statistics/sessions/{id}.xlsx", this.lonelySession).param("lang", "en"))) {
			assertThat(english.getSheetAt(0).getSheetName()).isEqualTo("Summary");
			assertThat(value(english.getSheetAt(0), "Satisfaction (incl. basically satisfied)").getStringCellValue())
				.isEqualTo("— (fewer than 3 evaluations: not published)");
		}
	}

	@Test
	void theStatisticsPageLinksTheWorkbook() throws Exception {
		String page = this.mvc.perform(get("/statistics/sessions/{id}", this.session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/statistics/sessions/" + this.session + ".xlsx\"").contains("下载表格（Excel）");
	}

	@Test
	void anUnknownSessionIsNotFound() throws Exception {
		assertThat(this.mvc.perform(get("/statistics/sessions/{id}.xlsx", Long.MAX_VALUE - 7))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private Workbook workbook(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()));
	}

	/** The value cell next to a label in the summary sheet. */
	private static Cell value(Sheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
				return row.getCell(1);
			}
		}
		throw new AssertionError("no row " + label);
	}

	private Row unitRow(Sheet units, long unitId) {
		String name = this.jdbc.queryForObject("select name from handling_unit where id = ?", String.class, unitId);
		for (Row row : units) {
			if (name.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no unit " + name);
	}

	private static Row unitRowOf(Sheet units, int index) {
		return units.getRow(index);
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((c) -> texts.add(c.getStringCellValue()));
		return texts;
	}

}
