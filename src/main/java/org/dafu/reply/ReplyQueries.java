package org.dafu.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of replies, newest first, always filtered in SQL by the access policy, so that
 * rows and counts never include what the viewer may not see.
 */
@Service
@Transactional(readOnly = true)
public class ReplyQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessPolicy access;

	ReplyQueries(NamedParameterJdbcTemplate jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	public PageView<ReplySummary> latest(Viewer viewer, Paging paging) {
		SqlFilter filter = this.access.replyFilter(viewer, "r");
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		// The page's ids first, from the index alone (ix_reply_public_latest for the
		// public):
		// a deep page skips index entries, not joined rows (docs/benchmarks.md).
		List<ReplySummary> rows = this.jdbc.query("""
				select r.id, r.index_number, p.title, p.number, s.name as session_name, u.name as unit_name,
				       r.result_class, r.disclosure_mode, r.status, r.issued_at
				from (select r.id from reply r where """ + filter.sql() + """
				      order by r.issued_at desc nulls last, r.id desc limit :limit offset :offset) page
				join reply r on r.id = page.id
				join proposal p on p.id = r.proposal_id
				join congress_session s on s.id = p.session_id
				join handling_unit u on u.id = r.unit_id
				order by r.issued_at desc nulls last, r.id desc""", params, ReplyQueries::summary);
		Long total = this.jdbc.queryForObject("select count(*) from reply r where " + filter.sql(), params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	static ReplySummary summary(ResultSet rs, int row) throws SQLException {
		String resultClass = rs.getString("result_class");
		java.sql.Timestamp issued = rs.getTimestamp("issued_at");
		return new ReplySummary(rs.getLong("id"), rs.getString("index_number"), rs.getString("title"),
				rs.getInt("number"), rs.getString("session_name"), rs.getString("unit_name"),
				(resultClass != null) ? ResultClass.valueOf(resultClass) : null,
				DisclosureMode.valueOf(rs.getString("disclosure_mode")), ReplyStatus.valueOf(rs.getString("status")),
				(issued != null) ? issued.toInstant() : null);
	}

}
