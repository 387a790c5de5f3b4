package org.dafu.figure;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Role;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.figure.ProgressRule.Point;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.ReplyReads;
import org.dafu.reply.ReplyVisibility;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.proposal.ProposalProjections.TOPICS;
import static org.dafu.reply.ReplyProjections.FIGURES;
import static org.dafu.reply.ReplyProjections.REPLIES;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * Reads figures of issued replies the viewer may see: the access policy's filter is in
 * every query that reads figures, and the dashboard's counts take only the rows of
 * {@code figure_target_count} the same policy allows ({@code countedRows}), so a figure
 * of a hidden reply is neither listed, counted nor found.
 */
@Service
@Transactional(readOnly = true)
public class FigureQueries {

	private static final String COLUMNS = """
			select f.id, f.subject, f.value, f.unit, f.comparator, f.deadline_year, f.region, f.kind, f.reply_id,
			       f.section_id, r.unit_id, u.name as unit_name, t.name as topic_name, p.title as proposal_title,
			       %s as reply_date,
			       lm.measured_on as latest_on, lm.value as latest_value, lm.period as latest_period,
			       fm.measured_on as first_on, fm.value as first_value, base.value as base_value
			""".formatted(ReplyReads.dateOf("r"));

	/**
	 * The joins from a figure f to its reply r, proposal p, unit u, topic t, latest and
	 * first measurements and the achievement it started from.
	 */
	private static final String JOINS = """
			join %1$s r on r.id = f.reply_id
			join %2$s p on p.id = r.proposal_id
			join %3$s u on u.id = r.unit_id
			left join %4$s t on t.id = p.topic_category_id
			left join lateral (select m.measured_on, m.value, m.period from figure_measurement m where m.figure_id = f.id
			                   order by m.measured_on desc, m.id desc limit 1) lm on true
			left join lateral (select m.measured_on, m.value from figure_measurement m where m.figure_id = f.id
			                   order by m.measured_on asc, m.id asc limit 1) fm on true
			left join lateral (select a.value from %5$s a where a.reply_id = f.reply_id and a.kind = 'ACHIEVEMENT'
			                   and a.subject = f.subject and a.unit = f.unit
			                   and a.region is not distinct from f.region order by a.id limit 1) base on true
			"""
		.formatted(REPLIES, PROPOSALS, UNITS, TOPICS, FIGURES);

	private static final String SELECT = COLUMNS + " from " + FIGURES + " f " + JOINS;

	/** A figure f of a reply r of a proposal p. */
	private static final String FIGURE_REPLY_PROPOSAL = FIGURES + " f join " + REPLIES + " r on r.id = f.reply_id join "
			+ PROPOSALS + " p on p.id = r.proposal_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessPolicy access;

	private final Clock clock;

	FigureQueries(NamedParameterJdbcTemplate jdbc, AccessPolicy access, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	/** Filters of the dashboard; each may be null. */
	public record Filter(String region, Long unitId, Long topicId) {
	}

	/**
	 * Targets of visible issued replies, soonest deadline first, and how they stand:
	 * three statements, the count per unit and region (from the counts the database
	 * keeps, migration V82), the page (its ids walked in order on
	 * {@code ix_figure_target_deadline}, then their rows) and the targets that have a
	 * measurement (read through the same filter; every other target has no data).
	 */
	public Dashboard dashboard(Viewer viewer, Filter filter, Paging paging) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		StringBuilder where = new StringBuilder(" where f.kind = 'TARGET' and r.status = 'ISSUED' and " + acl.sql());
		StringBuilder counted = new StringBuilder();
		if (filter.region() != null && !filter.region().isBlank()) {
			where.append(" and f.region = :region");
			counted.append(" and c.region = :region");
			params.put("region", filter.region().strip());
		}
		if (filter.unitId() != null) {
			where.append(" and r.unit_id = :unit");
			counted.append(" and c.unit_id = :unit");
			params.put("unit", filter.unitId());
		}
		if (filter.topicId() != null) {
			where.append(" and p.topic_category_id = :topic");
			counted.append(" and c.topic_id = :topic");
			params.put("topic", filter.topicId());
		}
		String count = "select c.unit_id, c.region, c.targets from figure_target_count c where " + countedRows(viewer)
				+ counted;
		if (countsOwnHiddenReplies(viewer)) {
			count += " union all select r.unit_id, coalesce(f.region, ''), 1 from " + FIGURE_REPLY_PROPOSAL + where
					+ " and " + HIDDEN;
		}
		List<StatusSummary.Group> groups = this.jdbc.query(
				"select unit_id, region, sum(targets) as targets from (" + count + ") x group by unit_id, region",
				params, (rs, i) -> new StatusSummary.Group(rs.getLong("unit_id"), rs.getString("region"),
						rs.getLong("targets")));
		long total = groups.stream().mapToLong(StatusSummary.Group::targets).sum();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<TargetView> rows = this.jdbc.query(
				COLUMNS + " from (select f.id from " + FIGURE_REPLY_PROPOSAL + where
						+ " order by f.deadline_year nulls last, f.id limit :limit offset :offset) page" + " join "
						+ FIGURES + " f on f.id = page.id " + JOINS + " order by f.deadline_year nulls last, f.id",
				params, this::row);
		// Led by the measured figures (few): as a filter ("f.id in (select ...)") the
		// planner sorted every public target first when figure_measurement had no
		// statistics yet (a new or never-analysed table), about 0.5 s on 100,000 replies.
		List<TargetView> measured = this.jdbc.query(
				COLUMNS + " from (select distinct m.figure_id as id from figure_measurement m offset 0) measured join "
						+ FIGURES + " f on f.id = measured.id " + JOINS + where + " order by f.id",
				params, this::row);
		return new Dashboard(PageView.of(rows, paging, total), StatusSummary.of(groups, measured));
	}

	/** The page of targets alone (the same statements as {@link #dashboard}). */
	public PageView<TargetView> targets(Viewer viewer, Filter filter, Paging paging) {
		return dashboard(viewer, filter, paging).page();
	}

	/** The dashboard's page of targets and the summary of their statuses. */
	public record Dashboard(PageView<TargetView> page, StatusSummary summary) {
	}

	/**
	 * The targets of a unit's issued replies, soonest deadline first (the unit's own
	 * workspace: every disclosure mode).
	 */
	public List<TargetView> unitTargets(long unitId, int limit) {
		return this.jdbc.query(SELECT + """
				where f.kind = 'TARGET' and r.status = 'ISSUED' and r.unit_id = :unit
				order by f.deadline_year nulls last, f.id limit :limit""", Map.of("unit", unitId, "limit", limit),
				this::row);
	}

	/**
	 * Values a unit's issued replies stated that became its targets' first measurements
	 * and that the unit has not confirmed yet.
	 */
	public List<PendingLink> pendingLinks(long unitId) {
		return this.jdbc.query("""
				select m.id, m.figure_id, f.subject, f.unit, m.value, m.period, m.measured_on
				from figure_measurement m join %s f on f.id = m.figure_id join %s r on r.id = f.reply_id
				where m.source_figure_id is not null and m.confirmed_at is null and r.unit_id = :unit
				  and r.status = 'ISSUED'
				order by m.measured_on, m.id limit 200
				""".formatted(FIGURES, REPLIES), Map.of("unit", unitId),
				(rs, i) -> new PendingLink(rs.getLong("id"), rs.getLong("figure_id"), rs.getString("subject"),
						rs.getString("unit"), rs.getBigDecimal("value"), rs.getString("period"),
						rs.getDate("measured_on").toLocalDate()));
	}

	/** A stated value linked to a target, waiting for the unit's confirmation. */
	public record PendingLink(long id, long figureId, String subject, String unit, BigDecimal value, String period,
			LocalDate measuredOn) {

		public String valueText() {
			return Numbers.plain(this.value);
		}

	}

	/**
	 * Issued replies that are not proactively public: counted in
	 * {@code figure_target_count} for officials (their unit's) and coordinators, read one
	 * by one through the access filter for a deputy (those of their own proposals).
	 */
	private static final String HIDDEN = "not (" + ReplyReads.publicRule("r") + ")";

	/**
	 * The rows of {@code figure_target_count} (alias c) the viewer may see, as
	 * {@link ReplyVisibility#filter} allows them: public targets; an official's unit's
	 * too; all for a coordinator. A deputy's own hidden replies are not a column of the
	 * counts: {@link #countsOwnHiddenReplies} adds them.
	 */
	private static String countedRows(Viewer viewer) {
		return switch (viewer.role()) {
			case COORDINATOR -> "true";
			case OFFICIAL -> "(c.proactive or c.unit_id = :acl_unit)";
			case DEPUTY, PUBLIC -> "c.proactive";
		};
	}

	private static boolean countsOwnHiddenReplies(Viewer viewer) {
		return viewer.role() == Role.DEPUTY;
	}

	/** One figure of a visible issued reply. */
	public Optional<TargetView> figure(Viewer viewer, long id) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("id", id);
		return this.jdbc.query(SELECT + " where f.id = :id and r.status = 'ISSUED' and " + acl.sql(), params, this::row)
			.stream()
			.findFirst();
	}

	/** Regions named by targets the viewer can see, for the filter (one statement). */
	public List<String> regions(Viewer viewer) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		String sql = "select c.region from figure_target_count c where c.region <> '' and " + countedRows(viewer);
		if (countsOwnHiddenReplies(viewer)) {
			sql += " union select f.region from " + FIGURES + " f join " + REPLIES + " r on r.id = f.reply_id"
					+ " where f.kind = 'TARGET' and f.region is not null and r.status = 'ISSUED' and " + acl.sql()
					+ " and " + HIDDEN;
		}
		else {
			sql += " group by c.region";
		}
		return this.jdbc.queryForList(sql + " order by 1", acl.params(), String.class);
	}

	/** The measurements of a figure, oldest first. */
	public List<MeasurementView> history(long figureId) {
		return this.jdbc.query("""
				select m.id, m.measured_on, m.value, m.note, m.period, m.source, m.source_reply_id,
				       r.index_number as source_index, (m.source_figure_id is not null) as stated,
				       (m.confirmed_at is not null) as confirmed
				from figure_measurement m left join %s r on r.id = m.source_reply_id
				where m.figure_id = :id order by m.measured_on, m.id
				""".formatted(REPLIES), Map.of("id", figureId), (rs, i) -> {
			long sourceReply = rs.getLong("source_reply_id");
			boolean noSource = rs.wasNull();
			return new MeasurementView(rs.getLong("id"), rs.getDate("measured_on").toLocalDate(),
					rs.getBigDecimal("value"), rs.getString("note"), rs.getString("period"), rs.getString("source"),
					noSource ? null : sourceReply, rs.getString("source_index"), rs.getBoolean("stated"),
					rs.getBoolean("confirmed"));
		});
	}

	/**
	 * Visible issued replies that state a figure of the same subject and unit (the
	 * target's own reply first).
	 */
	public List<ReplyLink> statingReplies(Viewer viewer, TargetView figure) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("subject", figure.subject());
		params.put("unit", figure.unit());
		params.put("own", figure.replyId());
		return this.jdbc.query(
				"""
						select distinct r.id, p.title, r.index_number,
						       %s as reply_date,
						       (r.id = :own) as own
						from %s
						where f.subject = :subject and f.unit = :unit and r.status = 'ISSUED' and"""
					.formatted(ReplyReads.dateOf("r"), FIGURE_REPLY_PROPOSAL) + " " + acl.sql() + " " + """
							order by own desc, reply_date, r.id limit 50""",
				params, (rs, i) -> new ReplyLink(rs.getLong("id"), rs.getString("title"), rs.getString("index_number"),
						date(rs.getDate("reply_date"))));
	}

	/**
	 * The regional parts of a figure: figures of the same section, subject, unit and kind
	 * that name a region, and the total (the one without a region), if stated.
	 */
	public Breakdown breakdown(long figureId) {
		List<Part> parts = this.jdbc.query("""
				select s.region, s.value from %1$s f
				join %1$s s on s.section_id = f.section_id and s.subject = f.subject and s.unit = f.unit
				             and s.kind = f.kind
				where f.id = :id
				order by s.region nulls first, s.ordinal, s.id
				""".formatted(FIGURES), Map.of("id", figureId),
				(rs, i) -> new Part(rs.getString("region"), rs.getBigDecimal("value")));
		BigDecimal total = parts.stream().filter((p) -> p.region() == null).map(Part::value).findFirst().orElse(null);
		return new Breakdown(parts.stream().filter((p) -> p.region() != null).toList(), total);
	}

	/**
	 * Breakdowns by region the viewer can see: groups of two or more regional parts,
	 * newest first, walked on the groups the database keeps (migration V82).
	 */
	public List<BreakdownLink> breakdowns(Viewer viewer, int limit) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("limit", limit);
		return this.jdbc.query("""
				select b.first_id as id, b.subject, b.unit, b.parts
				from figure_breakdown b join %s r on r.id = b.reply_id
				where r.status = 'ISSUED' and""".formatted(REPLIES) + " " + acl.sql() + " " + """
				order by b.first_id desc limit :limit""", params, (rs, i) -> new BreakdownLink(rs.getLong("id"),
				rs.getString("subject"), rs.getString("unit"), rs.getInt("parts")));
	}

	private TargetView row(ResultSet rs, int i) throws SQLException {
		LocalDate replyDate = date(rs.getDate("reply_date"));
		BigDecimal value = rs.getBigDecimal("value");
		Point latest = point(rs.getDate("latest_on"), rs.getBigDecimal("latest_value"));
		Point first = point(rs.getDate("first_on"), rs.getBigDecimal("first_value"));
		Point stated = point(rs.getDate("reply_date"), rs.getBigDecimal("base_value"));
		Point baseline = (stated != null && (first == null || !first.on().isBefore(stated.on()))) ? stated : first;
		int deadline = rs.getInt("deadline_year");
		Integer deadlineYear = rs.wasNull() ? null : deadline;
		String kind = rs.getString("kind");
		ProgressRule.Progress progress = "TARGET".equals(kind)
				? ProgressRule.assess(value, baseline, latest, deadlineYear, LocalDate.now(this.clock)) : null;
		return new TargetView(rs.getLong("id"), rs.getString("subject"), value, rs.getString("unit"),
				rs.getString("comparator"), deadlineYear, rs.getString("region"), kind, rs.getLong("reply_id"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("topic_name"),
				rs.getString("proposal_title"), replyDate, baseline, latest, rs.getString("latest_period"), progress);
	}

	private static Point point(Date on, BigDecimal value) {
		return (on != null && value != null) ? new Point(on.toLocalDate(), value) : null;
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	/**
	 * A measurement: {@code stated} when it is what the target's own reply stated (linked
	 * on issue, {@code sourceReplyId} the reply), {@code confirmed} once its unit
	 * confirmed that.
	 */
	public record MeasurementView(long id, LocalDate measuredOn, BigDecimal value, String note, String period,
			String source, Long sourceReplyId, String sourceIndex, boolean stated, boolean confirmed) {

		public String valueText() {
			return Numbers.plain(this.value);
		}

	}

	public record ReplyLink(long id, String proposalTitle, String indexNumber, LocalDate date) {
	}

	public record Part(String region, BigDecimal value) {
	}

	/** Regional parts and, when the reply states it, their total. */
	public record Breakdown(List<Part> parts, BigDecimal total) {

		public BigDecimal sum() {
			return this.parts.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/**
		 * Whether the parts fail to add up to the stated total (a slip in the letter).
		 */
		public boolean mismatch() {
			return this.total != null && sum().compareTo(this.total) != 0;
		}

		public boolean isChartable() {
			return this.parts.size() >= 2;
		}

	}

	public record BreakdownLink(long id, String subject, String unit, int parts) {
	}

}
