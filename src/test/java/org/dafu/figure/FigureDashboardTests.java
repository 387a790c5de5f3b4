package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.ResultClass;
import org.dafu.testing.AsViewer;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class FigureDashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeasurementService measurements;

	long figureId(String subject) {
		return this.jdbc.queryForObject("select id from figure where subject = ?", Long.class, subject);
	}

	long measurementCount(long figureId) {
		return this.jdbc.queryForObject("select count(*) from figure_measurement where figure_id = ?", Long.class,
				figureId);
	}

	@Test
	void theDashboardListsTargetsOfHiddenRepliesOnlyToThoseWhoMaySeeThem() throws Exception {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "公开甲" + s.n());
		this.data.issued(s, DisclosureMode.NOT_PUBLIC, "隐藏乙" + s.n());
		String visible = "规上工业总产值公开甲" + s.n();
		String hidden = "规上工业总产值隐藏乙" + s.n();
		this.mvc.perform(get("/figures").param("unit", String.valueOf(s.unitId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(visible)))
			.andExpect(content().string(not(containsString(hidden))))
			.andExpect(content().string(containsString("共 1 项目标")))
			.andExpect(content().string(containsString("暂无数据")));
		this.mvc
			.perform(get("/figures").param("unit", String.valueOf(s.unitId()))
				.with(AsViewer.as(Viewer.coordinator("coord" + s.n()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(visible)))
			.andExpect(content().string(containsString(hidden)));
		this.mvc.perform(get("/figures/{id}", figureId(hidden))).andExpect(status().isNotFound());
		this.mvc.perform(get("/figures/{id}", figureId(hidden)).with(AsViewer.as(s.bystander())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/figures/{id}", figureId(hidden)).with(AsViewer.as(s.lead())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(hidden)));
		this.mvc.perform(get("/figures/{id}", figureId(visible))).andExpect(status().isOk());
	}

	@Test
	void theRegionalBreakdownIsAChartOfItsPartsWithATextAlternative() throws Exception {
		Scenario s = this.data.scenario();
		String subject = "光伏装机分区" + s.n();
		List<FigureContent> parts = List.of(achievement(subject, "60", null), achievement(subject, "10", "柯城区"),
				achievement(subject, "20", "衢江区"), achievement(subject, "25", "龙游县"));
		this.data.issuedWith(s.proposalId(), s.unitId(), "T" + s.n(), TestData.shortLetter("分区" + s.n(),
				DisclosureMode.PROACTIVE, ResultClass.A, LocalDate.of(2022, 11, 6), parts));
		long part = this.jdbc.queryForObject("select id from figure where subject = ? and region = '柯城区'", Long.class,
				subject);
		this.mvc.perform(get("/figures/{id}", part))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title id=\"chart-breakdown-t\">")))
			.andExpect(content().string(containsString("<desc id=\"chart-breakdown-d\">")))
			// narrow, labels above the bars: the 14-unit text stays readable on a phone
			.andExpect(content().string(containsString("viewBox=\"0 0 400 ")))
			.andExpect(content().string(containsString("font-size=\"14\"")))
			.andExpect(content().string(containsString("role=\"img\"")))
			.andExpect(content().string(containsString("柯城区 10万千瓦；衢江区 20万千瓦；龙游县 25万千瓦")))
			.andExpect(content().string(containsString("<rect height=\"18\" fill=\"#8f1d1d\" x=\"0\" y=\"20\"")))
			// the parts add to 55, the letter says 60: the slip is shown, not hidden
			.andExpect(content().string(containsString("各地区数值之和与答复所述总数不一致")));
		this.mvc.perform(get("/figures").param("unit", String.valueOf(s.unitId())))
			.andExpect(content().string(containsString(subject + "（万千瓦）：3 个地区")));
	}

	@Test
	void officialsRecordMeasurementsOfTheirOwnUnitsTargetsOnly() throws Exception {
		Scenario s = this.data.scenario();
		this.data.issued(s, DisclosureMode.PROACTIVE, "测量" + s.n());
		long target = figureId("规上工业总产值测量" + s.n());
		String url = "/workspace/unit/figures/" + target + "/measurements";

		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30").param("value", "3800").with(AsViewer.as(s.official())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "3800")
				.with(AsViewer.as(s.otherOfficial()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "3800")
				.with(AsViewer.as(s.lead()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(measurementCount(target)).isZero();
		assertThatThrownBy(() -> this.measurements.record(s.otherOfficial(), target,
				new MeasurementForm(LocalDate.of(2023, 6, 30), BigDecimal.TEN, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.measurements.record(Viewer.coordinator("c" + s.n()), target,
				new MeasurementForm(LocalDate.of(2023, 6, 30), BigDecimal.TEN, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(measurementCount(target)).isZero();

		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "3800")
				.param("note", "上半年统计")
				.param("figureId", "1")
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/figures/" + target + "*"));
		this.mvc
			.perform(post(url).param("measuredOn", "2099-01-01")
				.param("value", "x")
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(measurementCount(target)).isEqualTo(1);
		this.measurements.record(s.official(), target,
				new MeasurementForm(LocalDate.of(2024, 6, 30), new BigDecimal("5100"), null));

		this.mvc.perform(get("/figures/{id}", target))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title id=\"history-t\">")))
			.andExpect(content().string(containsString("<desc id=\"history-d\">")))
			.andExpect(content().string(containsString("2023-06-30 3800亿元；2024-06-30 5100亿元")))
			.andExpect(content().string(containsString("<polyline")))
			.andExpect(content().string(containsString("上半年统计")))
			.andExpect(content().string(containsString("已完成")))
			.andExpect(content().string(not(containsString("录入完成情况"))));
		this.mvc.perform(get("/figures/{id}", target).with(AsViewer.as(s.official())))
			.andExpect(content().string(containsString("录入完成情况")));
	}

	@Test
	void hostileFilterParametersAreHarmless() throws Exception {
		this.mvc.perform(get("/figures").param("region", "<script>alert(1)</script>").param("page", "-5"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("暂无符合条件的目标")));
		this.mvc.perform(get("/figures").param("region", "' or 1=1;--")).andExpect(status().isOk());
		this.mvc.perform(get("/figures").param("unit", "1 or 1=1")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/figures/999999999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/workspace/unit/figures/1/measurements").with(AsViewer.as(Viewer.official("o", 1))))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void pagingKeepsTheFiltersAndEscapesHostileParameters() throws Exception {
		Scenario s = this.data.scenario();
		long topic = this.data.topic("分页主题");
		long proposal = this.data.assignedProposal(s.sessionId(), 200 + TestData.unique() % 100_000, s.leadDeputyId(),
				topic, s.unitId(), LocalDate.of(2022, 3, 1), null);
		String marker = "分页" + s.n();
		List<FigureContent> targets = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			targets.add(new FigureContent("目标" + marker + "号" + i, new BigDecimal("100"), "亿元", FigureKind.TARGET, "突破",
					null, 2026, "柯城区", null, null, null, "到2026年，目标" + marker + "号" + i + "突破100亿元。"));
		}
		this.data.issuedWith(proposal, s.unitId(), "T" + s.n(), TestData.shortLetter(marker, DisclosureMode.PROACTIVE,
				ResultClass.A, LocalDate.of(2022, 11, 6), targets));
		// another target of the same unit outside the region: the filter must stay on
		// page 2
		this.data.issued(s, DisclosureMode.PROACTIVE, "分页外" + s.n());
		String region = java.net.URLEncoder.encode("柯城区", java.nio.charset.StandardCharsets.UTF_8);
		String hostile = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";
		String filters = "region=" + region + "&unit=" + s.unitId() + "&topic=" + topic;
		String first = this.mvc.perform(get(java.net.URI.create("/figures?" + filters + "&x=" + hostile)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).doesNotContain("<script>alert(1)").doesNotContain("rel=\"prev\"");
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"([^\"]*)\" rel=\"next\"").matcher(first);
		assertThat(next.find()).isTrue();
		String link = next.group(1).replace("&amp;", "&");
		assertThat(link).isEqualTo("/figures?" + filters + "&x=" + hostile + "&page=2");

		String second = this.mvc.perform(get(java.net.URI.create(link)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("第 2 / 2 页，共 21 件")
			.doesNotContain("规上工业总产值分页外" + s.n())
			.doesNotContain("<script>alert(1)")
			.contains("href=\"/figures?" + filters.replace("&", "&amp;") + "&amp;x=" + hostile
					+ "&amp;page=1\" rel=\"prev\"");
	}

	static FigureContent achievement(String subject, String value, String region) {
		return new FigureContent(subject, new BigDecimal(value), "万千瓦", FigureKind.ACHIEVEMENT, null, "1—9月", null,
				region, null, null, null, subject + value);
	}

}
