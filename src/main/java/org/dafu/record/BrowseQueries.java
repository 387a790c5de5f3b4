package org.dafu.record;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;
import org.dafu.reply.DisclosureMode;
import org.dafu.reply.ReplyRow;
import org.dafu.reply.ReplyRowReads;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.dafu.congress.CongressProjections.DEPUTIES;
import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.ASSIGNMENTS;
import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.unit.UnitProjections.UNITS;

/**
 * Lists for the public session, unit and deputy pages. Proposals (numbers, titles,
 * status, lead unit) are public data; replies are listed only as the access policy lets
 * the viewer see them, filtered in SQL.
 */
@Service
@Transactional(readOnly = true)
public class BrowseQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final ReplyRowReads replies;

	BrowseQueries(NamedParameterJdbcTemplate jdbc, ReplyRowReads replies) {
		this.jdbc = jdbc;
		this.replies = replies;
	}

	/** A proposal of a session with its lead unit and the replies the viewer may read. */
	public record ProposalRow(long id, long sessionId, String sessionName, int number, String title, String status,
			Long unitId, String unitName, long deputyId, String deputyName, LocalDate deadline, List<ReplyRow> replies,
			Set<DisclosureMode> reasons) {

		/** Why no reply is shown although the proposal was answered (依申请公开, 不予公开). */
		public List<String> reasonKeys() {
			return this.reasons.stream().map((m) -> "browse.disclosure." + m.name()).toList();
		}

	}

	public PageView<ProposalRow> proposalsOfSession(Viewer viewer, long sessionId, Paging paging) {
		Map<String, Object> params = new HashMap<>();
		params.put("session", sessionId);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ProposalRow> rows = this.jdbc.query("""
				select p.id, p.number, p.title, p.status, a.unit_id, u.name as unit_name, a.deadline,
				       d.id as deputy_id, d.name as deputy_name, s.id as session_id, s.name as session_name
				from %s
				where p.session_id = :session
				order by p.number limit :limit offset :offset
				""".formatted(PROPOSAL_ROW), params, BrowseQueries::proposal);
		Long total = this.jdbc.queryForObject("select count(*) from " + PROPOSALS + " p where p.session_id = :session",
				params, Long.class);
		return PageView.of(withReplies(viewer, rows), paging, (total != null) ? total : 0);
	}

	/**
	 * A proposal p with its lead deputy d, session s, lead assignment a and its unit u.
	 */
	private static final String PROPOSAL_ROW = PROPOSALS + " p join " + DEPUTIES + " d on d.id = p.lead_deputy_id join "
			+ SESSIONS + " s on s.id = p.session_id left join " + ASSIGNMENTS
			+ " a on a.proposal_id = p.id and a.role = 'LEAD' left join " + UNITS + " u on u.id = a.unit_id";

	/** Proposals led or co-signed by a deputy, newest session first. */
	public List<ProposalRow> proposalsOfDeputy(Viewer viewer, long deputyId) {
		List<ProposalRow> rows = this.jdbc.query("""
				select p.id, p.number, p.title, p.status, a.unit_id, u.name as unit_name, a.deadline,
				       d.id as deputy_id, d.name as deputy_name, s.id as session_id, s.name as session_name
				from %s
				where p.lead_deputy_id = :deputy
				   or p.id in (select c.proposal_id from %s c where c.deputy_id = :deputy)
				order by p.session_id desc, p.number limit 500
				""".formatted(PROPOSAL_ROW, COSIGNERS), Map.of("deputy", deputyId), BrowseQueries::proposal);
		return withReplies(viewer, rows);
	}

	/** Replies of a unit the viewer may read, newest first. */
	public PageView<ReplyRow> repliesOfUnit(Viewer viewer, long unitId, Paging paging) {
		return this.replies.ofUnit(viewer, unitId, paging);
	}

	private List<ProposalRow> withReplies(Viewer viewer, List<ProposalRow> proposals) {
		if (proposals.isEmpty()) {
			return proposals;
		}
		ReplyRowReads.ProposalReplies replies = this.replies.ofProposalsWithReasons(viewer,
				proposals.stream().map(ProposalRow::id).toList());
		return proposals.stream()
			.map((p) -> new ProposalRow(p.id(), p.sessionId(), p.sessionName(), p.number(), p.title(), p.status(),
					p.unitId(), p.unitName(), p.deputyId(), p.deputyName(), p.deadline(), replies.readable(p.id()),
					replies.reasons(p.id())))
			.toList();
	}

	private static ProposalRow proposal(ResultSet rs, int i) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		return new ProposalRow(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_name"),
				rs.getInt("number"), rs.getString("title"), rs.getString("status"), unitId, rs.getString("unit_name"),
				rs.getLong("deputy_id"), rs.getString("deputy_name"), date(rs.getDate("deadline")), List.of(),
				Set.of());
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
