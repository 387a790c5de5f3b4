package org.dafu.stats;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dafu.congress.CongressService;
import org.dafu.congress.SessionView;
import org.dafu.platform.cache.ResultCache;
import org.dafu.stats.Statistics.SessionRow;
import org.dafu.stats.Statistics.UnitRow;
import org.dafu.stats.Tally.Counts;
import org.dafu.stats.Tally.Ratings;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.TOPICS;
import static org.dafu.unit.UnitProjections.UNITS;

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
	 * Whether satisfaction over this many evaluations may be published (at least
	 * {@value Tally#MIN_EVALUATIONS}: docs/figures.md, "Small numbers"). Other pages that
	 * show ratings ask here instead of keeping their own threshold.
	 */
	public static boolean publishesSatisfactionOver(long evaluations) {
		return Tally.withheld(evaluations) == null;
	}

	/**
	 * Proposals counted per group: the whole (no grouping), and by lead unit, topic and
	 * result class, summed from the counts the database keeps per session, unit, topic
	 * and class (migration V81; unit and topic 0, class '' for none). The {@code g_}
	 * columns tell which grouping a row belongs to. Whether an unreplied proposal is
	 * overdue depends on the day: those are counted from the open proposals' tallies.
	 */
	private static final String PROPOSAL_COUNTS = """
			with g as (select unit_id, topic_id, result_class,
			                  grouping(unit_id) as g_unit, grouping(topic_id) as g_topic,
			                  grouping(result_class) as g_class,
			                  sum(received) as received, sum(assigned) as assigned, sum(replied) as replied,
			                  sum(on_time) as on_time, sum(late) as late, sum(days) as days
			           from proposal_count
			           where %1$s
			           group by grouping sets ((), (unit_id), (topic_id), (result_class))),
			     o as (select unit_id, grouping(unit_id) as g_unit, count(*) as open_overdue
			           from proposal_tally
			           where %1$s and unit_id is not null and replied_on is null and deadline < :today
			           group by grouping sets ((), (unit_id)))
			select g.*, coalesce(o.open_overdue, 0) as open_overdue, u.name as unit_name, tc.name as topic
			from g
			left join o on g.g_topic = 1 and g.g_class = 1 and o.g_unit = g.g_unit
			               and (g.g_unit = 1 or o.unit_id = g.unit_id)
			left join %2$s u on g.g_unit = 0 and u.id = g.unit_id
			left join %3$s tc on g.g_topic = 0 and tc.id = g.topic_id
			""";

	/**
	 * Evaluations by result, in all and per unit of the reply; and the reminders (催办) per
	 * unit (migration V91), in the same statement.
	 */
	private static final String EVALUATION_COUNTS = """
			with c as (select unit_id, satisfied, basically_satisfied, unsatisfied, 0 as reminders
			           from evaluation_count where %1$s
			           union all
			           select unit_id, 0, 0, 0, reminders from reminder_count where %1$s)
			select unit_id, grouping(unit_id) as g_unit, sum(satisfied) as satisfied,
			       sum(basically_satisfied) as basically_satisfied, sum(unsatisfied) as unsatisfied,
			       sum(reminders) as reminders
			from c
			group by grouping sets ((), (unit_id))
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
	 * Statistics of one session (404 for an unknown session). They are summed from the
	 * tallies the database keeps as proposals, assignments, replies and evaluations
	 * change (migration V81): two statements over one session's narrow rows, however many
	 * replies there are (docs/benchmarks.md). They are the same for everyone, so they are
	 * also kept in the {@link ResultCache} until the data or the day changes.
	 */
	public Statistics ofSession(long sessionId) {
		SessionView session = this.congress.session(sessionId);
		return this.cache.get("stats:session:" + sessionId, () -> computeSession(session));
	}

	private Statistics computeSession(SessionView session) {
		Map<String, Object> params = Map.of("session", session.id());
		Groups groups = count("session_id = :session", params);
		return new Statistics(session.id(), session.name(), session.year(), Tally.rates(groups.all, groups.ratings),
				Tally.resultClasses(groups.classes), Tally.topics(groups.topics, groups.all.received()),
				groups.units());
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
		Groups groups = count("unit_id = :unit", Map.of("unit", unit.id()));
		Ratings ratings = groups.ratingsByUnit.getOrDefault(unit.id(), Ratings.NONE);
		return new Statistics(null, null, null, Tally.rates(groups.all, ratings), Tally.resultClasses(groups.classes),
				Tally.topics(groups.topics, groups.all.received()), List.of());
	}

	/**
	 * Two statements: the proposals' counts and the evaluations' counts of the rows
	 * {@code where} selects (the same column names in both tallies).
	 */
	private Groups count(String where, Map<String, Object> params) {
		Map<String, Object> withToday = new HashMap<>(params);
		withToday.put("today", LocalDate.now(this.clock));
		Groups groups = new Groups();
		this.jdbc.query(PROPOSAL_COUNTS.formatted(where, UNITS, TOPICS), withToday, (ResultSet rs) -> {
			Counts counts = new Counts(rs.getLong("received"), rs.getLong("assigned"), rs.getLong("replied"),
					rs.getLong("on_time"), rs.getLong("late") + rs.getLong("open_overdue"), rs.getLong("days"));
			if (rs.getInt("g_unit") == 0) {
				long unitId = rs.getLong("unit_id");
				if (unitId != 0) {
					groups.unitCounts.put(unitId, counts);
					groups.unitNames.put(unitId, rs.getString("unit_name"));
				}
			}
			else if (rs.getInt("g_topic") == 0) {
				groups.topics.put(Objects.toString(rs.getString("topic"), ""), counts.received());
			}
			else if (rs.getInt("g_class") == 0) {
				groups.classes.put(rs.getString("result_class"), counts.received());
			}
			else {
				groups.all = counts;
			}
		});
		this.jdbc.query(EVALUATION_COUNTS.formatted(where), params, (ResultSet rs) -> {
			Ratings ratings = new Ratings(rs.getLong("satisfied"), rs.getLong("basically_satisfied"),
					rs.getLong("unsatisfied"));
			if (rs.getInt("g_unit") == 0) {
				groups.ratingsByUnit.put(rs.getLong("unit_id"), ratings);
				groups.remindersByUnit.put(rs.getLong("unit_id"), rs.getLong("reminders"));
			}
			else {
				groups.ratings = ratings;
			}
		});
		return groups;
	}

	/** The counts of one statistics page, by grouping. */
	private static final class Groups {

		Counts all = new Counts(0, 0, 0, 0, 0, 0);

		Ratings ratings = Ratings.NONE;

		final Map<Long, Counts> unitCounts = new LinkedHashMap<>();

		final Map<Long, String> unitNames = new HashMap<>();

		final Map<Long, Ratings> ratingsByUnit = new HashMap<>();

		final Map<Long, Long> remindersByUnit = new HashMap<>();

		final Map<String, Long> topics = new LinkedHashMap<>();

		final Map<String, Long> classes = new HashMap<>();

		/** The per-unit table: lead units, rated by the evaluations of their replies. */
		List<UnitRow> units() {
			List<UnitRow> rows = new ArrayList<>();
			this.unitCounts.forEach((unitId,
					counts) -> rows.add(Tally.unitRow(unitId, this.unitNames.get(unitId), counts,
							this.ratingsByUnit.getOrDefault(unitId, Ratings.NONE),
							this.remindersByUnit.getOrDefault(unitId, 0L))));
			return Tally.sortUnits(rows);
		}

	}

	/** Every session with its headline counts, newest first. */
	public List<SessionRow> overview() {
		return this.cache.get("stats:overview", this::computeOverview);
	}

	private List<SessionRow> computeOverview() {
		return this.jdbc
			.query("""
					select s.id, s.name, s.year, coalesce(t.received, 0) as received, coalesce(t.assigned, 0) as assigned,
					       coalesce(t.replied, 0) as replied, coalesce(t.on_time, 0) as on_time,
					       coalesce(e.satisfied, 0) as satisfied, coalesce(e.basically_satisfied, 0) as basically_satisfied,
					       coalesce(e.unsatisfied, 0) as unsatisfied
					from %s s
					left join (select session_id, sum(received) as received, sum(assigned) as assigned,
					                  sum(replied) as replied, sum(on_time) as on_time
					           from proposal_count group by session_id) t on t.session_id = s.id
					left join (select session_id, sum(satisfied) as satisfied, sum(basically_satisfied) as basically_satisfied,
					                  sum(unsatisfied) as unsatisfied
					           from evaluation_count group by session_id) e on e.session_id = s.id
					order by s.year desc, s.id desc
					"""
				.formatted(SESSIONS), Map.of(), (rs, i) -> {
					long assigned = rs.getLong("assigned");
					Tally.Ratings ratings = new Tally.Ratings(rs.getLong("satisfied"),
							rs.getLong("basically_satisfied"), rs.getLong("unsatisfied"));
					Statistics.Withheld withheld = Tally.withheld(ratings.total());
					return new SessionRow(rs.getLong("id"), rs.getString("name"), rs.getInt("year"),
							rs.getLong("received"), assigned, rs.getLong("replied"),
							Percent.of(rs.getLong("replied"), assigned), rs.getLong("on_time"),
							Percent.of(rs.getLong("on_time"), assigned), ratings.total(),
							(withheld != null) ? null
									: Percent.of(ratings.satisfied() + ratings.basicallySatisfied(), ratings.total()),
							withheld);
				});
	}

}
