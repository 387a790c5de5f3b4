package org.dafu.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Role;
import org.dafu.access.SqlFilter;
import org.dafu.access.Viewer;
import org.dafu.platform.cache.ResultCache;
import org.dafu.platform.web.PageView;
import org.dafu.platform.web.Paging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches replies in {@code reply_search} (tsvector of CJK bigrams, GIN index) with the
 * filters, and counts the results by facet. Every list, count and facet has the access
 * policy's condition in its SQL: what the viewer may not read is never found, counted or
 * offered.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

	private static final String DATE = "coalesce(r.signed_on, (r.issued_at at time zone 'Asia/Shanghai')::date)";

	private static final String FROM = """
			from reply r
			join proposal p on p.id = r.proposal_id
			join congress_session s on s.id = p.session_id
			join handling_unit u on u.id = r.unit_id
			left join topic_category t on t.id = p.topic_category_id
			""";

	private static final String COLUMNS = """
			select r.id, r.index_number, p.title as proposal_title, p.number, s.id as session_id,
			       s.name as session_name, s.year, u.id as unit_id, u.name as unit_name, t.name as topic_name,
			       r.result_class, r.status, r.disclosure_mode, r.issued_at, %s as reply_date""".formatted(DATE);

	/** The facets, each leaving out its own filter. */
	private enum Dimension {

		SESSION, YEAR, UNIT, TOPIC, RESULT_CLASS, REGION, NONE

	}

	/** Rows fetched per round trip when results are streamed ({@link #each}). */
	static final int STREAM_FETCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final AccessPolicy access;

	private final ResultCache cache;

	SearchService(NamedParameterJdbcTemplate jdbc, AccessPolicy access, ResultCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
		streaming.setFetchSize(STREAM_FETCH);
		this.streaming = new NamedParameterJdbcTemplate(streaming);
		this.access = access;
	}

	/** One page of results, ranked or newest first. */
	public PageView<SearchHit> search(Viewer viewer, SearchCriteria criteria, Paging paging) {
		return cachedForThePublic(viewer, "search:page:" + criteria + paging,
				() -> searchNow(viewer, criteria, paging));
	}

	private PageView<SearchHit> searchNow(Viewer viewer, SearchCriteria criteria, Paging paging) {
		Query query = query(viewer, criteria, Dimension.NONE);
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<SearchHit> hits = this.jdbc.query(select(criteria, query) + " limit :limit offset :offset", params,
				mapper(criteria));
		Long total = this.jdbc.queryForObject("select count(*) " + query.fromWhere(), params, Long.class);
		return PageView.of(hits, paging, (total != null) ? total : 0);
	}

	/** Up to {@code limit} results in the criteria's order, for exports and feeds. */
	public List<SearchHit> first(Viewer viewer, SearchCriteria criteria, int limit) {
		return cachedForThePublic(viewer, "search:first:" + criteria + limit, () -> firstNow(viewer, criteria, limit));
	}

	/**
	 * Up to {@code limit} issued replies in the criteria's order, for the Atom feed: a
	 * feed announces published letters, so drafts stay out of it even for the viewers who
	 * may read them (they have no issue date to announce).
	 */
	public List<SearchHit> firstIssued(Viewer viewer, SearchCriteria criteria, int limit) {
		return cachedForThePublic(viewer, "search:firstIssued:" + criteria + limit,
				() -> firstNow(viewer, criteria, limit, true));
	}

	private List<SearchHit> firstNow(Viewer viewer, SearchCriteria criteria, int limit) {
		return firstNow(viewer, criteria, limit, false);
	}

	private List<SearchHit> firstNow(Viewer viewer, SearchCriteria criteria, int limit, boolean issuedOnly) {
		List<SearchHit> hits = new ArrayList<>();
		each(viewer, criteria, limit, issuedOnly, hits::add);
		return hits;
	}

	/**
	 * Up to {@code limit} results in the criteria's order, handed to {@code action} one
	 * at a time as PostgreSQL's cursor delivers them ({@value #STREAM_FETCH} rows per
	 * round trip), for exports too large to hold in memory (the spreadsheet). The same
	 * query as {@link #first}, never cached.
	 */
	public void each(Viewer viewer, SearchCriteria criteria, int limit, Consumer<SearchHit> action) {
		each(viewer, criteria, limit, false, action);
	}

	private void each(Viewer viewer, SearchCriteria criteria, int limit, boolean issuedOnly,
			Consumer<SearchHit> action) {
		Query query = query(viewer, criteria, Dimension.NONE);
		if (issuedOnly) {
			query = new Query(query.fromWhere() + " and r.status = 'ISSUED' and r.issued_at is not null",
					query.params());
		}
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("limit", limit);
		RowMapper<SearchHit> mapper = mapper(criteria);
		int[] row = { 0 };
		// a fetch size in a transaction: the driver reads through a cursor, not all rows
		this.streaming.query(select(criteria, query) + " limit :limit", params,
				(RowCallbackHandler) (rs) -> action.accept(mapper.mapRow(rs, row[0]++)));
	}

	public Facets facets(Viewer viewer, SearchCriteria criteria) {
		return cachedForThePublic(viewer, "search:facets:" + criteria, () -> facetsNow(viewer, criteria));
	}

	/**
	 * A common query (光伏 is in half of all replies) ranks and counts tens of thousands of
	 * rows: what the public sees is the same for every anonymous visitor, so it is kept
	 * in the {@link ResultCache} until the data changes (docs/search.md). Signed-in
	 * viewers see more, and always get fresh results.
	 */
	private <T> T cachedForThePublic(Viewer viewer, String key, Supplier<T> compute) {
		return (viewer.role() == Role.PUBLIC) ? this.cache.get(key, compute) : compute.get();
	}

	private Facets facetsNow(Viewer viewer, SearchCriteria criteria) {
		return new Facets(
				facet(viewer, criteria, Dimension.SESSION, "s.id::text", "s.name", "", "max(s.year) desc, min(s.name)"),
				facet(viewer, criteria, Dimension.YEAR, "s.year::text", "s.year::text", "", "1 desc"),
				facet(viewer, criteria, Dimension.UNIT, "u.id::text", "u.name", "", "n desc, min(u.name)"),
				facet(viewer, criteria, Dimension.TOPIC, "t.id::text", "t.name", " and t.id is not null",
						"n desc, min(t.name)"),
				facet(viewer, criteria, Dimension.RESULT_CLASS, "r.result_class", "r.result_class",
						" and r.result_class is not null", "1"),
				regions(viewer, criteria));
	}

	private String select(SearchCriteria criteria, Query query) {
		String texts = criteria.hasQuery() ? ", rs.headings, rs.body, rs.subjects" : "";
		String order = (criteria.sort() == SearchCriteria.Sort.RELEVANCE && criteria.hasQuery())
				? " order by (rs.document @@ cast(:tsq_strong as tsquery)) desc,"
						+ " ts_rank(rs.document, cast(:tsq as tsquery)) desc, reply_date desc nulls last, r.id desc"
				: " order by reply_date desc nulls last, r.id desc";
		return COLUMNS + texts + " " + query.fromWhere() + order;
	}

	private List<Facets.Count> facet(Viewer viewer, SearchCriteria criteria, Dimension dimension, String value,
			String label, String extraWhere, String order) {
		Query query = query(viewer, criteria, dimension);
		return this.jdbc.query(
				"select " + value + " as value, min(" + label + ") as label, count(*) as n " + query.fromWhere()
						+ extraWhere + " group by " + value + " order by " + order + " limit 50",
				query.params(), SearchService::count);
	}

	private List<Facets.Count> regions(Viewer viewer, SearchCriteria criteria) {
		Query query = query(viewer, criteria, Dimension.REGION);
		return this.jdbc.query(
				"select f.region as value, f.region as label, count(distinct r.id) as n "
						+ query.fromWhere().replaceFirst(" where ", " join figure f on f.reply_id = r.id where ")
						+ " and f.region is not null group by f.region order by n desc, f.region limit 50",
				query.params(), SearchService::count);
	}

	private static Facets.Count count(ResultSet rs, int row) throws SQLException {
		return new Facets.Count(rs.getString("value"), rs.getString("label"), rs.getLong("n"));
	}

	/** The FROM and WHERE of a search, with the access policy always in it. */
	private Query query(Viewer viewer, SearchCriteria criteria, Dimension leftOut) {
		SqlFilter acl = this.access.replyFilter(viewer, "r");
		Map<String, Object> params = new HashMap<>(acl.params());
		StringBuilder from = new StringBuilder(FROM);
		List<String> where = new ArrayList<>();
		where.add(acl.sql());
		if (criteria.hasQuery()) {
			from.append("join reply_search rs on rs.reply_id = r.id\n");
			where.add("rs.document @@ cast(:tsq as tsquery)");
			params.put("tsq", criteria.query().tsquery());
			params.put("tsq_strong", criteria.query().strongTsquery());
		}
		if (criteria.sessionId() != null && leftOut != Dimension.SESSION) {
			where.add("s.id = :f_session");
			params.put("f_session", criteria.sessionId());
		}
		if (criteria.year() != null && leftOut != Dimension.YEAR) {
			where.add("s.year = :f_year");
			params.put("f_year", criteria.year());
		}
		if (criteria.unitId() != null && leftOut != Dimension.UNIT) {
			where.add("r.unit_id = :f_unit");
			params.put("f_unit", criteria.unitId());
		}
		if (criteria.topicId() != null && leftOut != Dimension.TOPIC) {
			where.add("p.topic_category_id = :f_topic");
			params.put("f_topic", criteria.topicId());
		}
		if (criteria.resultClass() != null && leftOut != Dimension.RESULT_CLASS) {
			where.add("r.result_class = :f_class");
			params.put("f_class", criteria.resultClass());
		}
		if (criteria.region() != null && leftOut != Dimension.REGION) {
			where.add("exists (select 1 from figure fr where fr.reply_id = r.id and fr.region = :f_region)");
			params.put("f_region", criteria.region());
		}
		if (criteria.since() != null) {
			// the last public change (V73), or the first publication here of a letter
			// imported with an earlier issue date: a client that asks for what changed
			// since its last visit misses neither
			where.add("r.status = 'ISSUED' and (r.public_changed_at >= :f_since or r.created_at >= :f_since)");
			params.put("f_since", Timestamp.from(criteria.since()));
		}
		return new Query(from + " where " + String.join(" and ", where), params);
	}

	private static RowMapper<SearchHit> mapper(SearchCriteria criteria) {
		List<String> words = criteria.hasQuery() ? criteria.query().words() : List.of();
		return (rs, row) -> {
			String title = rs.getString("proposal_title");
			Highlight passage = criteria.hasQuery()
					? Highlight.passage(
							List.of(rs.getString("body"), rs.getString("headings"), rs.getString("subjects")), words)
					: new Highlight(List.of());
			java.sql.Date date = rs.getDate("reply_date");
			Timestamp issued = rs.getTimestamp("issued_at");
			return new SearchHit(rs.getLong("id"), rs.getString("index_number"), title, rs.getInt("number"),
					rs.getLong("session_id"), rs.getString("session_name"), rs.getInt("year"), rs.getLong("unit_id"),
					rs.getString("unit_name"), rs.getString("topic_name"), rs.getString("result_class"),
					rs.getString("status"), rs.getString("disclosure_mode"), (date != null) ? date.toLocalDate() : null,
					(issued != null) ? issued.toInstant() : null, Highlight.whole(title, words), passage);
		};
	}

	private record Query(String fromWhere, Map<String, Object> params) {
	}

}
