package org.dafu.figure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.access.Viewer;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ReplyService;
import org.dafu.reply.ResultClass;
import org.dafu.reply.SectionContent;
import org.dafu.reply.SectionKind;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reply's stated achievement becomes its target's first measurement when the reply is
 * issued; the unit confirms or unlinks it and records later ones; a coordinator asks for
 * one. Nobody else may do any of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class MeasurementTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ReplyService replies;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * The sample letter's pair: 到2026年规上工业总产值突破5000亿元; 1—9月规上工业总产值2062.44亿元 (the subject
	 * made unique per test), and an unrelated achievement.
	 */
	static LetterContent sampleLike(String subject, DisclosureMode mode) {
		return sampleLike(subject, mode, "到2026年，" + subject + "突破5000亿元。");
	}

	/** The same, the target stated in {@code targetSentence}. */
	static LetterContent sampleLike(String subject, DisclosureMode mode, String targetSentence) {
		FigureContent target = new FigureContent(subject, new BigDecimal("5000"), "亿元", FigureKind.TARGET, "突破", null,
				2026, null, null, null, null, targetSentence);
		FigureContent achievement = new FigureContent(subject, new BigDecimal("2062.44"), "亿元", FigureKind.ACHIEVEMENT,
				null, "1—9月", null, null, new BigDecimal("12.3"), null, null, "1—9月，" + subject + "2062.44亿元。");
		FigureContent other = new FigureContent("工业投资" + subject, new BigDecimal("37.5"), "%", FigureKind.ACHIEVEMENT,
				null, "1—9月", null, null, null, null, null, "工业投资增长37.5%。");
		return new LetterContent(LocalDate.of(2022, 11, 1), LocalDate.of(2022, 11, 20), mode,
				(mode == DisclosureMode.PROACTIVE) ? null : "内部", null, "代表：", "收悉。", "感谢。", "测试单位", ResultClass.B,
				List.of(new SectionContent(SectionKind.RESPONSE, "一、关于产业", "正文", List.of(target, other)),
						new SectionContent(SectionKind.RESPONSE, "二、关于进展", "正文", List.of(achievement))));
	}

	long issue(Scenario s, String subject) {
		return this.review.recordIssued(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL,
				sampleLike(subject, DisclosureMode.PROACTIVE), "T" + s.n() + "/2022-" + TestData.unique(),
				java.time.Instant.now());
	}

	long target(long reply) {
		return this.jdbc.queryForObject("select id from figure where reply_id = ? and kind = 'TARGET'", Long.class,
				reply);
	}

	List<Map<String, Object>> measurements(long target) {
		return this.jdbc.queryForList("""
				select m.id, m.measured_on, m.value, m.period, m.source_reply_id, m.source_figure_id, m.confirmed_at,
				       a.value as stated_value
				from figure_measurement m left join figure a on a.id = m.source_figure_id
				where m.figure_id = ? order by m.id""", target);
	}

	@Test
	void issuingAReplyMakesItsStatedValueTheTargetsFirstMeasurement() throws Exception {
		Scenario s = this.data.scenario();
		String subject = "规上工业总产值" + s.n();
		long reply = issue(s, subject);
		long target = target(reply);
		List<Map<String, Object>> rows = measurements(target);
		assertThat(rows).hasSize(1);
		Map<String, Object> m = rows.get(0);
		assertThat((BigDecimal) m.get("value")).isEqualByComparingTo("2062.44");
		assertThat(m.get("period")).isEqualTo("1—9月");
		assertThat(((Number) m.get("source_reply_id")).longValue()).isEqualTo(reply);
		assertThat(m.get("measured_on").toString()).isEqualTo("2022-11-20");
		assertThat(m.get("confirmed_at")).isNull();
		// the unrelated achievement measures nothing; the target is not its own
		// measurement
		assertThat(
				this.jdbc.queryForObject("select count(*) from figure_measurement m join figure f on f.id = m.figure_id"
						+ " where f.reply_id = ?", Long.class, reply))
			.isEqualTo(1);

		this.mvc.perform(get("/figures").param("unit", String.valueOf(s.unitId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2062.44亿元")))
			.andExpect(content().string(containsString("（1—9月）")))
			.andExpect(content().string(containsString("41%")))
			.andExpect(content().string(containsString("id=\"count-ON_TRACK\"")))
			.andExpect(content().string(containsString("id=\"status-by-unit\"")))
			.andExpect(content().string(containsString("id=\"status-by-region\"")))
			.andExpect(content().string(containsString("<desc id=\"chart-status-unit-d\">")));
		this.mvc.perform(get("/figures/{id}", target))
			.andExpect(content().string(containsString("待单位确认")))
			.andExpect(content().string(not(containsString("/confirm"))));
	}

	@Test
	void aDraftIssuedInThePortalIsLinkedTooAndACorrectionLinksAgainOnce() throws Exception {
		Scenario s = this.data.scenario();
		String subject = "光伏装机" + s.n();
		long draft = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				sampleLike(subject, DisclosureMode.PROACTIVE));
		assertThat(
				this.jdbc.queryForObject("select count(*) from figure_measurement m join figure f on f.id = m.figure_id"
						+ " where f.reply_id = ?", Long.class, draft))
			.as("drafts state nothing yet")
			.isZero();
		int version = this.replies.readable(s.official(), draft).version();
		this.review.issue(s.official(), draft, version);
		assertThat(measurements(target(draft))).hasSize(1);
		this.corrections.correct(s.official(), draft, this.replies.readable(s.official(), draft).version(),
				sampleLike(subject, DisclosureMode.PROACTIVE), "更正错字");
		assertThat(measurements(target(draft))).as("the corrected letter's target, linked once").hasSize(1);
	}

	@Test
	void aCorrectionKeepsTheMeasurementsTheUnitRecordedOnItsTargets() throws Exception {
		Scenario s = this.data.scenario();
		String subject = "新能源汽车产量" + s.n();
		long reply = issue(s, subject);
		long before = target(reply);
		this.mvc
			.perform(post("/workspace/unit/figures/" + before + "/measurements").param("measuredOn", "2023-06-30")
				.param("value", "3100")
				.param("period", "2023年上半年")
				.param("source", "统计公报")
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(measurements(before)).hasSize(2);

		// the correction mends the target's sentence: the section's figures are written
		// again (a correction that leaves them as they were keeps them, with their ids)
		this.corrections.correct(s.official(), reply, this.replies.readable(s.official(), reply).version(),
				sampleLike(subject, DisclosureMode.PROACTIVE, "到2026年，" + subject + "将突破5000亿元。"), "更正错字");

		long after = target(reply);
		assertThat(after).as("the correction wrote the figures again").isNotEqualTo(before);
		List<Map<String, Object>> kept = measurements(after);
		assertThat(kept).as("the unit's measurement and the stated value, linked again").hasSize(2);
		assertThat(kept).anySatisfy((m) -> {
			assertThat((BigDecimal) m.get("value")).isEqualByComparingTo("3100");
			assertThat(m.get("period")).isEqualTo("2023年上半年");
			assertThat(m.get("source_figure_id")).isNull();
		});
		assertThat(this.jdbc.queryForObject("select count(*) from figure_measurement_held where reply_id = ?",
				Long.class, reply))
			.isZero();
	}

	@Test
	void onlyTheRepliesUnitConfirmsOrUnlinksAndTheUnlinkedValueIsGone() throws Exception {
		Scenario s = this.data.scenario();
		long target = target(issue(s, "工业增加值" + s.n()));
		long measurement = ((Number) measurements(target).get(0).get("id")).longValue();
		String confirm = "/workspace/unit/figures/" + target + "/measurements/" + measurement + "/confirm";
		String unlink = "/workspace/unit/figures/" + target + "/measurements/" + measurement + "/unlink";
		for (String url : List.of(confirm, unlink)) {
			this.mvc.perform(post(url).with(csrf())).andExpect(status().is3xxRedirection());
			this.mvc.perform(post(url).with(AsViewer.as(s.otherOfficial())).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(url).with(AsViewer.as(s.lead())).with(csrf())).andExpect(status().isForbidden());
			this.mvc.perform(post(url).with(AsViewer.as(s.official()))).andExpect(status().isForbidden());
		}
		assertThat(measurements(target)).hasSize(1).allMatch((m) -> m.get("confirmed_at") == null);

		this.mvc.perform(get("/workspace/unit/figures").with(AsViewer.as(s.official())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(confirm)));
		this.mvc.perform(get("/workspace/unit/figures").with(AsViewer.as(s.otherOfficial())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(confirm))));
		this.mvc.perform(get("/figures/{id}", target).with(AsViewer.as(s.official())))
			.andExpect(content().string(containsString(confirm)))
			.andExpect(content().string(containsString(unlink)));

		this.mvc.perform(post(confirm).with(AsViewer.as(s.official())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "figure.stated.confirmed"));
		assertThat(measurements(target).get(0).get("confirmed_at")).isNotNull();
		this.mvc.perform(get("/figures/{id}", target)).andExpect(content().string(containsString("单位已确认")));

		this.mvc.perform(post(unlink).with(AsViewer.as(s.official())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(measurements(target)).isEmpty();
		this.mvc.perform(post(unlink).with(AsViewer.as(s.official())).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(get("/figures/{id}", target)).andExpect(content().string(containsString("暂无数据")));
	}

	@Test
	void unitsRecordLaterMeasurementsWithPeriodAndSourceAndBadInputChangesNothing() throws Exception {
		Scenario s = this.data.scenario();
		long target = target(issue(s, "规上企业" + s.n()));
		String url = "/workspace/unit/figures/" + target + "/measurements";
		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "3000")
				.param("period", "2023年上半年")
				.param("source", "统计公报")
				.with(AsViewer.as(s.otherOfficial()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url).param("measuredOn", "2023-06-30").param("value", "3000").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(measurements(target)).hasSize(1);

		this.mvc
			.perform(post(url).param("measuredOn", "2099-01-01")
				.param("value", "3000")
				.param("period", "期".repeat(51))
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("measurementProblems",
					List.of("figure.record.invalid.measuredOn", "figure.record.invalid.period")));
		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "很多")
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("measurementProblems", List.of("figure.record.invalid.value")));
		assertThat(measurements(target)).hasSize(1);
		this.mvc
			.perform(get("/figures/{id}", target).with(AsViewer.as(s.official()))
				.flashAttr("measurementError", true)
				.flashAttr("measurementProblems", List.of("figure.record.invalid.value")))
			.andExpect(content().string(containsString("数值：请填写数字")));

		this.mvc
			.perform(post(url).param("measuredOn", "2023-06-30")
				.param("value", "3000")
				.param("period", "2023年上半年")
				.param("source", "统计公报")
				.with(AsViewer.as(s.official()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(measurements(target)).hasSize(2);
		this.mvc.perform(get("/figures/{id}", target))
			.andExpect(content().string(containsString("2023年上半年")))
			.andExpect(content().string(containsString("统计公报")));
	}

	@Test
	void aCoordinatorAsksTheUnitForAMeasurementAndNobodyElseCan() throws Exception {
		Scenario s = this.data.scenario();
		long target = target(issue(s, "税收" + s.n()));
		String url = "/workspace/coordinator/figures/" + target + "/measurement-request";
		String notices = "select count(*) from notification where kind = 'MEASUREMENT_REQUESTED' and recipient_unit_id = ?";
		for (Viewer viewer : List.of(s.official(), s.lead())) {
			this.mvc.perform(post(url).with(AsViewer.as(viewer)).with(csrf())).andExpect(status().isForbidden());
		}
		this.mvc.perform(post(url).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(notices, Long.class, s.unitId())).isZero();

		Viewer coordinator = Viewer.coordinator("协调员" + s.n());
		this.mvc.perform(get("/figures/{id}", target).with(AsViewer.as(coordinator)))
			.andExpect(content().string(containsString(url)));
		this.mvc.perform(post(url).with(AsViewer.as(coordinator)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "figure.request.sent"));
		assertThat(this.jdbc.queryForObject(notices, Long.class, s.unitId())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select link from notification where kind = 'MEASUREMENT_REQUESTED' and recipient_unit_id = ?",
				String.class, s.unitId()))
			.isEqualTo("/figures/" + target + "#record");
		long achievement = this.jdbc.queryForObject(
				"select id from figure where kind = 'ACHIEVEMENT' and reply_id = (select reply_id from figure where id = ?)"
						+ " order by id limit 1",
				Long.class, target);
		this.mvc
			.perform(post("/workspace/coordinator/figures/" + achievement + "/measurement-request")
				.with(AsViewer.as(coordinator))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

}
