package org.dafu.browse;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists for the public session, unit and deputy pages. Proposals (numbers, titles,
 * status, lead unit) are public data; replies are listed only as the access policy lets
 * the viewer see them, filtered in SQL.
 */
@Service
@Transactional(readOnly = true)
class BrowseQueries {

	private static final String REPLY_COLUMNS = """
			select r.id, r.proposal_id, r.index_number, r.kind, r.status, r.result_class, r.disclosure_mode,
			       coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date) as reply_date,
			       p.number, p.title, s.id as session_id, s.name as session_name, u.id as unit_id, u.name as unit_name
			from reply r
			join proposal p on p.id = r.proposal_id
			join congress_session s on s.id = p.session_id
			join handling_unit u on u.id = r.unit_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessPolicy access;

	BrowseQueries(NamedParameterJdbcTemplate jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** A proposal of a session with its lead unit and the replies the viewer may read. */
	public record ProposalRow(long id, long sessionId, String sessionName, int number, String title, String status,
			Long unitId, String unitName, long deputyId, String deputyName, LocalDate deadline,
			List<ReplyRow> replies) {
	}

	/** A reply as a link. */
	public record ReplyRow(long id, long proposalId, String indexNumber, String kind, String status, String resultClass,
			String disclosureMode, LocalDate date, int proposalNumber, String proposalTitle, long sessionId,
			String sessionName, long unitId, String unitName) {

		public boolean isDraft() {
			return "DRAFT".equals(this.status);
		}

		public boolean isPublic() {
			return "ISSUED".equals(this.status) && "PROACTIVE".equals(this.disclosureMode);
		}

	}

	PageView<ProposalRow> proposalsOfSession(Viewer viewer, long sessionId, Paging paging) {
		Map<String, Object> params = new HashMap<>();
		params.put("session", sessionId);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ProposalRow> rows = this.jdbc.query("""
				select p.id, p.number, p.title, p.status, a.unit_id, u.name as unit_name, a.deadline,
				       d.id as deputy_id, d.name as deputy_name, s.id as session_id, s.name as session_name
				from proposal p
				join deputy d on d.id = p.lead_deputy_id
				join congress_session s on s.id = p.session_id
				left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
				left join handling_unit u on u.id = a.unit_id
				where p.session_id = :session
				order by p.number limit :limit offset :offset
				""", params, BrowseQueries::proposal);
		Long total = this.jdbc.queryForObject("select count(*) from proposal where session_id = :session", params,
				Long.class);
		return PageView.of(withReplies(viewer, rows), paging, (total != null) ? total : 0);
	}

	/** Proposals led or co-signed by a deputy, newest session first. */
	List<ProposalRow> proposalsOfDeputy(Viewer viewer, long deputyId) {
		List<ProposalRow> rows = this.jdbc.query("""
				select p.id, p.number, p.title, p.status, a.unit_id, u.name as unit_name, a.deadline,
				       d.id as deputy_id, d.name as deputy_name, s.id as session_id, s.name as session_name
				from proposal p
				join deputy d on d.id = p.lead_deputy_id
				join congress_session s on s.id = p.session_id
				left join assignment a on a.proposal_id = p.id and a.role = 'LEAD'
				left join handling_unit u on u.id = a.unit_id
				where p.lead_deputy_id = :deputy
				   or p.id in (select c.proposal_id from proposal_cosigner c where c.deputy_id = :deputy)
				order by p.session_id desc, p.number limit 500
				""", Map.of("deputy", deputyId), BrowseQueries::proposal);
		return withReplies(viewer, rows);
	}

	/** Replies of a unit the viewer may read, newest first. */
	PageView<ReplyRow> repliesOfUnit(Viewer viewer, long unitId, Paging paging) {
		SqlFilter acl = this.access.replyFilter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("unit", unitId);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		String where = " where r.unit_id = :unit and " + acl.sql();
		List<ReplyRow> rows = this.jdbc.query(
				REPLY_COLUMNS + where + " order by r.issued_at desc nulls last, r.id desc limit :limit offset :offset",
				params, BrowseQueries::reply);
		Long total = this.jdbc.queryForObject("select count(*) from reply r" + where, params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	private List<ProposalRow> withReplies(Viewer viewer, List<ProposalRow> proposals) {
		if (proposals.isEmpty()) {
			return proposals;
		}
		Map<Long, List<ReplyRow>> replies = readableReplies(viewer, proposals.stream().map(ProposalRow::id).toList());
		return proposals.stream()
			.map((p) -> new ProposalRow(p.id(), p.sessionId(), p.sessionName(), p.number(), p.title(), p.status(),
					p.unitId(), p.unitName(), p.deputyId(), p.deputyName(), p.deadline(),
					replies.getOrDefault(p.id(), List.of())))
			.toList();
	}

	private Map<Long, List<ReplyRow>> readableReplies(Viewer viewer, Collection<Long> proposalIds) {
		SqlFilter acl = this.access.replyFilter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("ids", proposalIds);
		return this.jdbc
			.query(REPLY_COLUMNS + " where r.proposal_id in (:ids) and " + acl.sql() + " order by r.id", params,
					BrowseQueries::reply)
			.stream()
			.collect(Collectors.groupingBy(ReplyRow::proposalId, LinkedHashMap::new, Collectors.toList()));
	}

	private static ProposalRow proposal(ResultSet rs, int i) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		return new ProposalRow(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_name"),
				rs.getInt("number"), rs.getString("title"), rs.getString("status"), unitId, rs.getString("unit_name"),
				rs.getLong("deputy_id"), rs.getString("deputy_name"), date(rs.getDate("deadline")), List.of());
	}

	private static ReplyRow reply(ResultSet rs, int i) throws SQLException {
		return new ReplyRow(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("index_number"),
				rs.getString("kind"), rs.getString("status"), rs.getString("result_class"),
				rs.getString("disclosure_mode"), date(rs.getDate("reply_date")), rs.getInt("number"),
				rs.getString("title"), rs.getLong("session_id"), rs.getString("session_name"), rs.getLong("unit_id"),
				rs.getString("unit_name"));
	}

	private static LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
