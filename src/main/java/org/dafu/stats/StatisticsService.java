package org.dafu.stats;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.platform.cache.ResultCache;
import org.dafu.stats.Statistics.SessionRow;
import org.dafu.stats.Tally.EvaluationRow;
import org.dafu.stats.Tally.ProposalRow;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling statistics. They are aggregate counts over proposals and count issued replies
 * of every disclosure mode, as the yearly reports do; no reply's text, title, number or
 * id leaves this service (see docs/figures.md, "Statistics and disclosure"). Drafts never
 * count: only {@code status = 'ISSUED'} replies make a proposal replied.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

	/**
	 * The date a reply counts from: the signing date of the letter, else the day it was
	 * issued in China Standard Time.
	 */
	private static final String REPLY_DATE = "coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date)";

	private static final String PROPOSAL_ROWS = """
			select p.id, t.name as topic, a.unit_id, u.name as unit_name, a.assigned_on, a.deadline,
			       fr.replied_on, lr.result_class
			from proposal p
			left join topic_category t on t.id = p.topic_category_id
			left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
			left join handling_unit u on u.id = a.unit_id
			left join lateral (select min(%s) as replied_on from reply r
			                   where r.proposal_id = p.id and r.status = 'ISSUED') fr on true
			left join lateral (select r.result_class from reply r
			                   where r.proposal_id = p.id and r.status = 'ISSUED'
			                   order by r.issued_at desc, r.id desc limit 1) lr on true
			where %s
			""";

	private static final String EVALUATION_ROWS = """
			select r.unit_id, e.result
			from evaluation e
			join reply r on r.id = e.reply_id and r.status = 'ISSUED'
			join proposal p on p.id = r.proposal_id
			where %s
			""";

	private final ResultCache cache;

	private final NamedParameterJdbcTemplate jdbc;

	private final CongressService congress;

	private final UnitService units;

	private final Clock clock;

	StatisticsService(NamedParameterJdbcTemplate jdbc, CongressService congress, UnitService units, Clock clock,
			ResultCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.congress = congress;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Statistics of one session (404 for an unknown session). Statistics read every
	 * proposal of a session, far too slow per request with 100,000 replies
	 * (docs/benchmarks.md); they are the same for everyone, so they are kept in the
	 * {@link ResultCache} until the data or the day changes.
	 */
	public Statistics ofSession(long sessionId) {
		SessionView session = this.congress.session(sessionId);
		return this.cache.get("stats:session:" + sessionId, () -> computeSession(session));
	}

	private Statistics computeSession(SessionView session) {
		long sessionId = session.id();
		Map<String, Object> params = Map.of("session", sessionId);
		List<ProposalRow> proposals = proposals("p.session_id = :session", params);
		List<EvaluationRow> evaluations = evaluations("p.session_id = :session", params);
		LocalDate today = LocalDate.now(this.clock);
		return new Statistics(session.id(), session.name(), session.year(), Tally.rates(proposals, evaluations, today),
				Tally.resultClasses(proposals), Tally.topics(proposals), Tally.units(proposals, evaluations, today));
	}

	/**
	 * Statistics of the proposals a unit leads, across all sessions (its page). The
	 * per-unit table is left empty: it would be the unit itself.
	 */
	public Statistics ofUnit(long unitId) {
		UnitView unit = this.units.unit(unitId);
		return this.cache.get("stats:unit:" + unitId, () -> computeUnit(unit));
	}

	private Statistics computeUnit(UnitView unit) {
		Map<String, Object> params = Map.of("unit", unit.id());
		List<ProposalRow> proposals = proposals("a.unit_id = :unit", params);
		List<EvaluationRow> evaluations = evaluations("r.unit_id = :unit", params);
		LocalDate today = LocalDate.now(this.clock);
		return new Statistics(null, null, null, Tally.rates(proposals, evaluations, today),
				Tally.resultClasses(proposals), Tally.topics(proposals), List.of());
	}

	/** Every session with its headline counts, newest first. */
	public List<SessionRow> overview() {
		return this.cache.get("stats:overview", this::computeOverview);
	}

	private List<SessionRow> computeOverview() {
		return this.jdbc.query("""
				select s.id, s.name, s.year, count(p.id) as received, count(a.id) as assigned,
				       count(a.id) filter (where exists (select 1 from reply r
				                            where r.proposal_id = p.id and r.status = 'ISSUED')) as replied
				from congress_session s
				left join proposal p on p.session_id = s.id
				left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
				group by s.id, s.name, s.year
				order by s.year desc, s.id desc
				""", Map.of(),
				(rs, i) -> new SessionRow(rs.getLong("id"), rs.getString("name"), rs.getInt("year"),
						rs.getLong("received"), rs.getLong("assigned"), rs.getLong("replied"),
						Percent.of(rs.getLong("replied"), rs.getLong("assigned"))));
	}

	private List<ProposalRow> proposals(String where, Map<String, Object> params) {
		return this.jdbc.query(PROPOSAL_ROWS.formatted(REPLY_DATE, where), params, StatisticsService::proposalRow);
	}

	private List<EvaluationRow> evaluations(String where, Map<String, Object> params) {
		return this.jdbc.query(EVALUATION_ROWS.formatted(where), params,
				(rs, i) -> new EvaluationRow(rs.getLong("unit_id"), rs.getString("result")));
	}

	private static ProposalRow proposalRow(ResultSet rs, int row) throws SQLException {
		long unitId = rs.getLong("unit_id");
		Long unit = rs.wasNull() ? null : unitId;
		return new ProposalRow(rs.getLong("id"), rs.getString("topic"), unit, rs.getString("unit_name"),
				date(rs.getDate("assigned_on")), date(rs.getDate("deadline")), date(rs.getDate("replied_on")),
				rs.getString("result_class"));
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
