package org.dafu.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Role;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.cache.ResultCache;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.dafu.congress.CongressProjections.SESSIONS;
import static org.dafu.proposal.ProposalProjections.COSIGNERS;
import static org.dafu.proposal.ProposalProjections.PROPOSALS;
import static org.dafu.reply.ReplyReadColumns.JOINS;
import static org.dafu.reply.ReplyReadColumns.LATEST_ORDER;
import static org.dafu.reply.ReplyReadColumns.instant;
import static org.dafu.reply.ReplyReads.publicRule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of replies, newest first, as the viewer may read it: the public list with
 * keyset pagination, the signed-in viewers' list, and the list filtered by session, unit,
 * deputy, year or result. Every query adds the {@link AccessPolicy}'s filter
 * ({@link ReplyVisibility#filter}), so rows and counts never include what the viewer may
 * not see.
 * <p>
 * Statements per call (docs/benchmarks.md, "SQL statements per page"): a public list page
 * is one statement plus the {@link ResultCache}'s, at any depth (keyset pagination from
 * cached page boundaries); the other lists are two (the page, the count).
 */
@Service
@Transactional(readOnly = true)
public class ReplyListReads {

	private final NamedParameterJdbcTemplate jdbc;

	private final ResultCache cache;

	ReplyListReads(NamedParameterJdbcTemplate jdbc, ResultCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * Replies the viewer may read, newest first. For the public (the page everyone sees)
	 * any page is one seek from its first row's key, kept with the number of public
	 * replies in the {@link ResultCache} until the data changes, so a deep page costs
	 * what page 1 costs, and every page is reached ({@link Paging#seek}). Signed-in
	 * viewers, who see more rows, get the offset query and a count, down to page
	 * {@value Paging#MAX_PAGE}.
	 */
	public PageView<ReplySummary> latest(Viewer viewer, Paging paging) {
		if (viewer.role() != Role.PUBLIC) {
			return latestByOffset(viewer, paging);
		}
		PublicPages pages = publicPages(paging.page() == 1 ? Paging.DEFAULT_SIZE : paging.size());
		Map<String, Object> params = new HashMap<>();
		params.put("limit", paging.size());
		String seek = "";
		if (paging.page() > 1) {
			if (paging.page() > pages.count()) {
				return PageView.of(List.of(), paging, pages.total());
			}
			seek = " and (r.issued_at, r.id) <= (:at, :id)";
			params.put("at", OffsetDateTime.ofInstant(pages.firstIssuedAt()[paging.page() - 1], ZoneOffset.UTC));
			params.put("id", pages.firstIds()[paging.page() - 1]);
		}
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + " where " + publicRule("r") + seek + LATEST_ORDER + " limit :limit", params,
				ReplyListReads::summary);
		return PageView.of(rows, paging, pages.total());
	}

	/** The number of public replies (kept until the data changes). */
	public long publicCount() {
		return publicPages(Paging.DEFAULT_SIZE).total();
	}

	private PublicPages publicPages(int size) {
		return this.cache.get("reply.public-pages." + size, () -> {
			List<Instant> at = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			long[] total = { 0 };
			// The first key of every page, from the index alone (ix_reply_public_latest).
			this.jdbc.query("""
					select issued_at, id, total from (
					    select r.issued_at, r.id, row_number() over (%s) as n, count(*) over () as total
					    from reply r where %s) k
					where (n - 1) %% :size = 0 order by n""".formatted(LATEST_ORDER.strip(), publicRule("r")),
					Map.of("size", size), (ResultSet rs) -> {
						at.add(instant(rs.getTimestamp("issued_at")));
						ids.add(rs.getLong("id"));
						total[0] = rs.getLong("total");
					});
			return new PublicPages(total[0], at.toArray(Instant[]::new),
					ids.stream().mapToLong(Long::longValue).toArray());
		});
	}

	/** Where each page of the public list starts, and how many rows it has in all. */
	private record PublicPages(long total, Instant[] firstIssuedAt, long[] firstIds) {

		int count() {
			return this.firstIds.length;
		}

	}

	PageView<ReplySummary> latestByOffset(Viewer viewer, Paging deep) {
		Paging paging = deep.byOffset();
		SqlFilter filter = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + " where " + filter.sql() + LATEST_ORDER + " limit :limit offset :offset", params,
				ReplyListReads::summary);
		Long total = this.jdbc.queryForObject("select count(*) from reply r where " + filter.sql(), params, Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

	private static final String SUMMARY_COLUMNS = """
			select r.id, r.index_number, p.title, p.number, s.name as session_name, u.name as unit_name,
			       r.result_class, r.disclosure_mode, r.status, r.issued_at
			from reply r
			""" + JOINS;

	static ReplySummary summary(ResultSet rs, int row) throws SQLException {
		String resultClass = rs.getString("result_class");
		return new ReplySummary(rs.getLong("id"), rs.getString("index_number"), rs.getString("title"),
				rs.getInt("number"), rs.getString("session_name"), rs.getString("unit_name"),
				(resultClass != null) ? ResultClass.valueOf(resultClass) : null,
				DisclosureMode.valueOf(rs.getString("disclosure_mode")), ReplyStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("issued_at")));
	}

	/**
	 * Replies the viewer may read that match the list's filters, newest first; without
	 * filters, {@link #latest(Viewer, Paging)}. Two statements (the page, the count).
	 */
	public PageView<ReplySummary> latest(Viewer viewer, ReplyListFilter filter, Paging paging) {
		if (filter == null || filter.isEmpty()) {
			return latest(viewer, paging);
		}
		return filtered(viewer, filter, paging.byOffset());
	}

	private PageView<ReplySummary> filtered(Viewer viewer, ReplyListFilter filter, Paging paging) {
		SqlFilter acl = ReplyVisibility.filter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		StringBuilder where = new StringBuilder(" where ").append(acl.sql());
		if (filter.sessionId() != null) {
			where.append(" and p.session_id = :f_session");
			params.put("f_session", filter.sessionId());
		}
		if (filter.unitId() != null) {
			where.append(" and r.unit_id = :f_unit");
			params.put("f_unit", filter.unitId());
		}
		if (filter.deputyId() != null) {
			where.append(" and (p.lead_deputy_id = :f_deputy or exists (select 1 from " + COSIGNERS + " c")
				.append(" where c.proposal_id = p.id and c.deputy_id = :f_deputy))");
			params.put("f_deputy", filter.deputyId());
		}
		if (filter.year() != null) {
			where.append(" and s.year = :f_year");
			params.put("f_year", filter.year());
		}
		if (filter.resultClass() != null) {
			where.append(" and r.result_class = :f_result");
			params.put("f_result", filter.resultClass().name());
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<ReplySummary> rows = this.jdbc.query(
				SUMMARY_COLUMNS + where + LATEST_ORDER + " limit :limit offset :offset", params,
				ReplyListReads::summary);
		Long total = this.jdbc.queryForObject("select count(*) from reply r join " + PROPOSALS
				+ " p on p.id = r.proposal_id join " + SESSIONS + " s on s.id = p.session_id" + where, params,
				Long.class);
		return PageView.of(rows, paging, (total != null) ? total : 0);
	}

}
