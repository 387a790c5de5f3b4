package org.dafu.proposal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the coordinator workspace lists and counts: proposals by status, deadlines, the
 * filtered proposal list. Read-only SQL over the proposal tables (coordinators see all
 * proposals; no reply text is read here).
 */
@Service
@Transactional(readOnly = true)
class CoordinationQueries {

	/** An assignment still waits for its unit: as in notify/DeadlineReminders. */
	private static final String OPEN_ASSIGNMENT = """
			((p.status = 'ASSIGNED'
			  and not %s)
			 or (p.status = 'REHANDLING' and a.role = 'LEAD'))"""
		.formatted("exists (select 1 from reply r where r.proposal_id = p.id and r.status = 'ISSUED')");

	static final int DUE_SOON_DAYS = 7;

	private final JdbcClient jdbc;

	private final Clock clock;

	CoordinationQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	Dashboard dashboard() {
		Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
		for (ProposalStatus status : ProposalStatus.values()) {
			byStatus.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from proposal group by status")
			.query((rs, n) -> byStatus.put(ProposalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		LocalDate today = today();
		long overdue = countOpenProposals("a.deadline < :today", today);
		long dueSoon = countOpenProposals("a.deadline between :today and :soon", today);
		return new Dashboard(byStatus, overdue, dueSoon, DUE_SOON_DAYS);
	}

	private long countOpenProposals(String condition, LocalDate today) {
		return this.jdbc
			.sql("select count(distinct p.id) from assignment a join proposal p on p.id = a.proposal_id "
					+ "where a.role = 'LEAD' and " + OPEN_ASSIGNMENT + " and " + condition)
			.param("today", today)
			.param("soon", today.plusDays(DUE_SOON_DAYS))
			.query(Long.class)
			.single();
	}

	/** Proposals of one session, filtered, by number. */
	PageView<ProposalRow> proposals(ProposalFilter filter, Paging paging) {
		StringBuilder where = new StringBuilder(" where p.session_id = :session");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("session", filter.sessionId());
		if (filter.status() != null) {
			where.append(" and p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.unitId() != null) {
			where.append(" and exists (select 1 from assignment f where f.proposal_id = p.id and f.unit_id = :unit)");
			params.put("unit", filter.unitId());
		}
		if (filter.keyOnly()) {
			where.append(" and p.key_proposal");
		}
		long total = this.jdbc.sql("select count(*) from proposal p" + where).params(params).query(Long.class).single();
		List<ProposalRow> rows = this.jdbc
			.sql("""
					select p.id, p.number, p.title, p.status, p.key_proposal, p.origin, d.name as lead_deputy,
					       u.name as lead_unit, a.deadline
					from proposal p
					join deputy d on d.id = p.lead_deputy_id
					left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
					left join handling_unit u on u.id = a.unit_id""" + where
					+ " order by p.number, p.id limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new ProposalRow(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
					ProposalStatus.valueOf(rs.getString("status")), rs.getBoolean("key_proposal"),
					rs.getString("lead_deputy"), rs.getString("lead_unit"), rs.getObject("deadline", LocalDate.class),
					"IMPORTED_ARCHIVE".equals(rs.getString("origin"))))
			.list();
		return PageView.of(rows, paging, total);
	}

	/**
	 * Open assignments due within {@code days} days or overdue, grouped by unit: the unit
	 * with the most overdue deadline first, and inside a unit the earliest deadline
	 * first.
	 */
	List<DeadlineGroup> deadlineBoard(int days) {
		LocalDate today = today();
		List<DeadlineRow> rows = this.jdbc.sql("""
				select a.unit_id, u.name as unit_name, a.role, a.deadline, p.id, p.number, p.title,
				       s.name as session_name, p.key_proposal
				from assignment a
				join proposal p on p.id = a.proposal_id
				join handling_unit u on u.id = a.unit_id
				join congress_session s on s.id = p.session_id
				where a.deadline <= :until and """ + OPEN_ASSIGNMENT + """

				order by a.deadline, p.id, a.unit_id""").param("until", today.plusDays(days)).query((rs, n) -> {
			LocalDate deadline = rs.getObject("deadline", LocalDate.class);
			return new DeadlineRow(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("role"), deadline,
					ChronoUnit.DAYS.between(today, deadline), rs.getLong("id"), rs.getInt("number"),
					rs.getString("title"), rs.getString("session_name"), rs.getBoolean("key_proposal"));
		}).list();
		Map<Long, List<DeadlineRow>> byUnit = new LinkedHashMap<>();
		for (DeadlineRow row : rows) {
			byUnit.computeIfAbsent(row.unitId(), (k) -> new ArrayList<>()).add(row);
		}
		// Rows come by deadline, so the units come in the order of their earliest
		// deadline.
		return byUnit.values()
			.stream()
			.map((list) -> new DeadlineGroup(list.get(0).unitId(), list.get(0).unitName(), List.copyOf(list)))
			.toList();
	}

	public record Dashboard(Map<ProposalStatus, Long> byStatus, long overdue, long dueSoon, int dueSoonDays) {

		public long total() {
			return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public record ProposalFilter(long sessionId, ProposalStatus status, Long unitId, boolean keyOnly) {
	}

	/** {@code historical}: created by the bulk import of past letters, not registered. */
	public record ProposalRow(long id, int number, String title, ProposalStatus status, boolean keyProposal,
			String leadDeputy, String leadUnit, LocalDate deadline, boolean historical) {
	}

	public record DeadlineRow(long unitId, String unitName, String role, LocalDate deadline, long daysLeft,
			long proposalId, int number, String title, String sessionName, boolean keyProposal) {

		public boolean overdue() {
			return this.daysLeft < 0;
		}

		public long daysLate() {
			return -this.daysLeft;
		}

	}

	public record DeadlineGroup(long unitId, String unitName, List<DeadlineRow> rows) {

		public long overdueCount() {
			return this.rows.stream().filter(DeadlineRow::overdue).count();
		}

	}

}
