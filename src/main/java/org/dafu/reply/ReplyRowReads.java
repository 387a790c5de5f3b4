package org.dafu.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

import static org.dafu.reply.ReplyReadColumns.JOINS;
import static org.dafu.reply.ReplyReadColumns.LATEST_ORDER;
import static org.dafu.reply.ReplyReadColumns.date;
import static org.dafu.reply.ReplyReads.dateOf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies as rows of other features' lists ({@link ReplyRow}: the reply's date, 索引号,
 * result, proposal, session and unit): the replies of a unit, and those of proposals,
 * with why an answered proposal shows none. Every query adds the {@link AccessPolicy}'s
 * filter ({@link ReplyVisibility#filter}), so rows and counts never include what the
 * viewer may not see.
 */
@Service
@Transactional(readOnly = true)
public class ReplyRowReads {

	private final NamedParameterJdbcTemplate jdbc;

	ReplyRowReads(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static final String ROW_COLUMNS = """
			select r.id, r.proposal_id, r.index_number, r.kind, r.status, r.result_class, r.disclosure_mode,
			       %s as reply_date,
			       p.number, p.title, s.id as session_id, s.name as session_name, u.id as unit_id, u.name as unit_name
			from reply r
			""".formatted(dateOf("r")) + JOINS;

	/** Replies of a unit the viewer may read, newest first. */
	public PageView<ReplyRow> ofUnit(Viewer viewer, long unitId, Paging paging) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("unit", unitId);
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		String where = " where r.unit_id = :unit and " + acl.sql();
		List<ReplyRow> rows = this.jdbc.query(ROW_COLUMNS + where + LATEST_ORDER + " limit :limit offset :offset",
				params, ReplyRowReads::row);
		Long total = this.jdbc.queryForObject("select count(*) from reply r" + where, params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	/**
	 * The replies the viewer may read of each of these proposals, oldest first (one
	 * statement).
	 */
	public Map<Long, List<ReplyRow>> ofProposals(Viewer viewer, Collection<Long> proposalIds) {
		if (proposalIds.isEmpty()) {
			return Map.of();
		}
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("ids", proposalIds);
		return this.jdbc
			.query(ROW_COLUMNS + " where r.proposal_id in (:ids) and " + acl.sql() + " order by r.id", params,
					ReplyRowReads::row)
			.stream()
			.collect(Collectors.groupingBy(ReplyRow::proposalId, LinkedHashMap::new, Collectors.toList()));
	}

	private static ReplyRow row(ResultSet rs, int i) throws SQLException {
		return new ReplyRow(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("index_number"),
				rs.getString("kind"), rs.getString("status"), rs.getString("result_class"),
				rs.getString("disclosure_mode"), date(rs, "reply_date"), rs.getInt("number"), rs.getString("title"),
				rs.getLong("session_id"), rs.getString("session_name"), rs.getLong("unit_id"),
				rs.getString("unit_name"));
	}

	/**
	 * The replies of these proposals: those the viewer may read, oldest first, and, for
	 * each proposal, the disclosure modes of its issued replies the viewer may not read
	 * (nothing else of them: no id, 索引号, date, unit or number), so that a page can say
	 * why an answered proposal shows no reply (依申请公开, 不予公开). Drafts the viewer may not
	 * read are not there at all. One statement.
	 */
	public ProposalReplies ofProposalsWithReasons(Viewer viewer, Collection<Long> proposalIds) {
		if (proposalIds.isEmpty()) {
			return new ProposalReplies(Map.of(), Map.of());
		}
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		params.put("ids", proposalIds);
		Map<Long, List<ReplyRow>> readable = new LinkedHashMap<>();
		Map<Long, java.util.Set<DisclosureMode>> withheld = new LinkedHashMap<>();
		String sql = ROW_COLUMNS.replace("from reply r", ", " + acl.sql() + " as readable\nfrom reply r")
				+ " where r.proposal_id in (:ids) and (r.status = 'ISSUED' or " + acl.sql() + ") order by r.id";
		this.jdbc.query(sql, params, (ResultSet rs) -> {
			if (rs.getBoolean("readable")) {
				ReplyRow row = row(rs, 0);
				readable.computeIfAbsent(row.proposalId(), (k) -> new ArrayList<>()).add(row);
			}
			else {
				withheld
					.computeIfAbsent(rs.getLong("proposal_id"), (k) -> java.util.EnumSet.noneOf(DisclosureMode.class))
					.add(DisclosureMode.valueOf(rs.getString("disclosure_mode")));
			}
		});
		return new ProposalReplies(readable, withheld);
	}

	/**
	 * The replies of proposals as a viewer sees them.
	 *
	 * @param readable the replies the viewer may read, by proposal, oldest first
	 * @param withheld by proposal, the disclosure modes of issued replies the viewer may
	 * not read
	 */
	public record ProposalReplies(Map<Long, List<ReplyRow>> readable,
			Map<Long, java.util.Set<DisclosureMode>> withheld) {

		public List<ReplyRow> readable(long proposalId) {
			return this.readable.getOrDefault(proposalId, List.of());
		}

		/**
		 * Why the viewer reads no reply of an answered proposal: the modes of its issued
		 * replies; empty when the viewer reads one of them, or when none is issued.
		 */
		public java.util.Set<DisclosureMode> reasons(long proposalId) {
			return readable(proposalId).isEmpty() ? this.withheld.getOrDefault(proposalId, java.util.Set.of())
					: java.util.Set.of();
		}

	}

}
