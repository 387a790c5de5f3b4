package org.dafu.figure;

import org.dafu.reply.ReplyVisibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.web.Paging;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.FigureContent;
import org.dafu.reply.FigureKind;
import org.dafu.reply.LetterContent;
import org.dafu.reply.ReplyCorrections;
import org.dafu.reply.ReplyDrafting;
import org.dafu.reply.ReplyKind;
import org.dafu.reply.ReplyReview;
import org.dafu.reply.ResultClass;
import org.dafu.testing.TestData;
import org.dafu.testing.TestData.Scenario;
import org.dafu.testing.TestDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts and breakdowns the database keeps (migration V82) stay equal to
 * a count from scratch as replies are drafted, issued, corrected, withdrawn, moved and
 * deleted; and the count, regions and breakdowns each kind of viewer gets equal those
 * read through the access policy's filter over every figure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDataConfiguration.class)
class FigureDashboardCountTests {

	@Autowired
	TestData data;

	@Autowired
	ReplyCorrections corrections;

	@Autowired
	ReplyReview review;

	@Autowired
	ReplyDrafting drafting;

	@Autowired
	FigureQueries figures;

	@Autowired
	AccessPolicy access;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Test
	void countsStayEqualToACountFromScratchThroughAReplysLife() {
		Scenario s = this.data.scenario();
		long draft = this.drafting.createDraft(s.official(), s.proposalId(), ReplyKind.ORIGINAL,
				letter("计数草稿", DisclosureMode.PROACTIVE));
		assertCountsMatchARecount();
		this.review.issue(s.official(), draft, version(draft));
		assertCountsMatchARecount();
		assertThat(targetsOf(s.unitId())).isEqualTo(2);
		this.corrections.correct(s.official(), draft, version(draft), letter("计数更正", DisclosureMode.PROACTIVE), "更正指标");
		assertCountsMatchARecount();
		this.corrections.withdraw(s.official(), draft, version(draft), DisclosureMode.NOT_PUBLIC, "涉及内部事项");
		assertCountsMatchARecount();
		this.jdbc.update("update reply set unit_id = ? where id = ?", s.otherUnitId(), draft);
		this.jdbc.update("update proposal set topic_category_id = ? where id = ?", this.data.topic("计数主题"),
				s.proposalId());
		this.jdbc.update("update figure set region = '衢江区' where reply_id = ? and region = '柯城区'", draft);
		assertCountsMatchARecount();
		long other = this.data.issued(s, DisclosureMode.PROACTIVE, "计数另一");
		assertCountsMatchARecount();
		this.jdbc.update("delete from figure where reply_id = ? and kind = 'TARGET'", other);
		assertCountsMatchARecount();
		this.jdbc.update("delete from reply where id = ?", draft);
		assertCountsMatchARecount();
	}

	@Test
	void everyKindOfViewerGetsWhatTheAccessFilterLetsThrough() {
		Scenario s = this.data.scenario();
		this.review.recordIssued(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL,
				letter("可见甲", DisclosureMode.PROACTIVE), "T" + s.n() + "/2022-" + TestData.unique(), Instant.now());
		this.review.recordIssued(s.proposalId(), s.unitId(), ReplyKind.ORIGINAL,
				letter("隐藏乙", DisclosureMode.NOT_PUBLIC), "T" + s.n() + "/2022-" + TestData.unique(), Instant.now());
		long elsewhere = this.data.anotherProposal(s);
		this.review.recordIssued(elsewhere, s.unitId(), ReplyKind.ORIGINAL, letter("隐藏丙", DisclosureMode.ON_REQUEST),
				"T" + s.n() + "/2022-" + TestData.unique(), Instant.now());
		// measured targets (public and hidden) are assessed; the others have no data
		this.jdbc
			.update("insert into figure_measurement (figure_id, measured_on, value) select f.id, date '2023-06-30',"
					+ " 4000 from figure f join reply r on r.id = f.reply_id join proposal p on p.id = r.proposal_id"
					+ " where p.session_id = ? and f.kind = 'TARGET' and f.region is null", s.sessionId());
		for (Viewer viewer : List.of(Viewer.anonymous(), s.official(), s.otherOfficial(), s.lead(), s.cosigner(),
				s.bystander(), Viewer.coordinator("计数协调员"))) {
			String who = viewer.role() + " " + viewer.username();
			for (FigureQueries.Filter filter : List.of(new FigureQueries.Filter(null, null, null),
					new FigureQueries.Filter("柯城区", null, null), new FigureQueries.Filter(null, s.unitId(), null))) {
				assertThat(this.figures.targets(viewer, filter, Paging.of(1, null)).total()).as(who + " " + filter)
					.isEqualTo(countThroughTheFilter(viewer, filter));
				// the status summary adds up to the same count; the targets without a
				// measurement, counted from scratch, are those without data
				StatusSummary summary = this.figures.dashboard(viewer, filter, Paging.of(1, null)).summary();
				assertThat(summary.targets()).as(who + " " + filter).isEqualTo(countThroughTheFilter(viewer, filter));
				assertThat(summary.count(ProgressStatus.NO_DATA)).as(who + " " + filter)
					.isEqualTo(countThroughTheFilter(viewer, filter,
							" and not exists (select 1 from figure_measurement m" + " where m.figure_id = f.id)"));
				assertThat(summary.byUnit().stream().mapToLong(StatusSummary.Row::targets).sum())
					.isEqualTo(summary.targets());
				assertThat(summary.byRegion().stream().mapToLong(StatusSummary.Row::targets).sum())
					.isEqualTo(summary.targets());
			}
			assertThat(this.figures.regions(viewer)).as(who).isEqualTo(regionsThroughTheFilter(viewer));
			assertThat(this.figures.breakdowns(viewer, 50)).as(who).isEqualTo(breakdownsThroughTheFilter(viewer, 50));
		}
		assertThat(this.figures.targets(s.lead(), new FigureQueries.Filter(null, s.unitId(), null), Paging.of(1, null))
			.total()).as("two targets in each of the lead deputy's three replies").isEqualTo(6);
		assertThat(this.figures
			.targets(s.bystander(), new FigureQueries.Filter(null, s.unitId(), null), Paging.of(1, null))
			.total()).as("those of the public reply").isEqualTo(2);
	}

	private long countThroughTheFilter(Viewer viewer, FigureQueries.Filter filter) {
		return countThroughTheFilter(viewer, filter, "");
	}

	private long countThroughTheFilter(Viewer viewer, FigureQueries.Filter filter, String condition) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		String sql = "select count(*) from figure f join reply r on r.id = f.reply_id join proposal p on p.id = r.proposal_id"
				+ " where f.kind = 'TARGET' and r.status = 'ISSUED' and " + acl.sql() + condition;
		if (filter.region() != null) {
			sql += " and f.region = :region";
			params.put("region", filter.region());
		}
		if (filter.unitId() != null) {
			sql += " and r.unit_id = :unit";
			params.put("unit", filter.unitId());
		}
		return this.named.queryForObject(sql, params, Long.class);
	}

	private List<String> regionsThroughTheFilter(Viewer viewer) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		return this.named.queryForList("select distinct f.region from figure f join reply r on r.id = f.reply_id"
				+ " where f.kind = 'TARGET' and f.region is not null and r.status = 'ISSUED' and " + acl.sql()
				+ " order by f.region", acl.params(), String.class);
	}

	private List<FigureQueries.BreakdownLink> breakdownsThroughTheFilter(Viewer viewer, int limit) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("limit", limit);
		return this.named.query("select min(f.id) as id, f.subject, f.unit, count(distinct f.region) as parts"
				+ " from figure f join reply r on r.id = f.reply_id where f.region is not null and r.status = 'ISSUED'"
				+ " and " + acl.sql() + " group by f.section_id, f.subject, f.unit, f.kind"
				+ " having count(distinct f.region) >= 2 order by min(f.id) desc limit :limit", params,
				(rs, i) -> new FigureQueries.BreakdownLink(rs.getLong("id"), rs.getString("subject"),
						rs.getString("unit"), rs.getInt("parts")));
	}

	private void assertCountsMatchARecount() {
		for (String table : List.of("figure_target_count", "figure_breakdown")) {
			assertThat(this.jdbc.queryForList("""
					(select 'kept' as side, * from %1$s except select 'kept', * from %1$s_recount)
					union all
					(select 'recount', * from %1$s_recount except select 'recount', * from %1$s)
					""".formatted(table))).as(table).isEmpty();
		}
	}

	private long targetsOf(long unit) {
		return this.jdbc.queryForObject("select coalesce(sum(targets), 0) from figure_target_count where unit_id = ?",
				Long.class, unit);
	}

	private int version(long reply) {
		return this.jdbc.queryForObject("select version from reply where id = ?", Integer.class, reply);
	}

	/** A letter with two targets (one for a region) and a breakdown in three regions. */
	static LetterContent letter(String marker, DisclosureMode mode) {
		List<FigureContent> figures = List.of(target(marker + "装机", "5000", null), target(marker + "装机", "800", "柯城区"),
				part(marker + "产值", "10", "柯城区"), part(marker + "产值", "20", "衢江区"), part(marker + "产值", "25", "龙游县"));
		return TestData.shortLetter(marker, mode, ResultClass.B, LocalDate.of(2022, 5, 1), figures);
	}

	static FigureContent target(String subject, String value, String region) {
		return new FigureContent(subject, new BigDecimal(value), "万千瓦", FigureKind.TARGET, "达到", null, 2026, region,
				null, null, null, subject + value);
	}

	static FigureContent part(String subject, String value, String region) {
		return new FigureContent(subject, new BigDecimal(value), "万千瓦", FigureKind.ACHIEVEMENT, null, "1—9月", null,
				region, null, null, null, subject + value);
	}

}
