package org.dafu.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read API for proposals as lists: other features ask here (criteria in, view records
 * out) instead of writing SQL against {@code proposal} and {@code assignment}.
 */
@Service
@Transactional(readOnly = true)
public class ProposalReads {

	private final NamedParameterJdbcTemplate jdbc;

	ProposalReads(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The proposals in {@code status} whose lead unit is {@code unitId}, the soonest
	 * deadline first, at most {@code limit}.
	 */
	public record LeadCriteria(long unitId, ProposalStatus status, int limit) {
	}

	/** A proposal with its lead unit's deadline. */
	public record LeadDue(long proposalId, int number, String title, LocalDate deadline) {
	}

	/** One statement. */
	public List<LeadDue> ledBy(LeadCriteria criteria) {
		return this.jdbc.query("""
				select p.id, p.number, p.title, a.deadline
				from proposal p join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
				where p.status = :status and a.unit_id = :unit
				order by a.deadline, p.id limit :limit""",
				Map.of("status", criteria.status().name(), "unit", criteria.unitId(), "limit", criteria.limit()),
				(rs, row) -> new LeadDue(rs.getLong("id"), rs.getInt("number"), rs.getString("title"),
						rs.getObject("deadline", LocalDate.class)));
	}

}
