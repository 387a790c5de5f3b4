package org.dafu.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What to search for: the query (or none) and the filters, already checked; the same for
 * the search page, the API, the CSV export and the Atom feed.
 *
 * @param query the parsed query, or {@code null} to list by filters only
 * @param sessionId 会议
 * @param year the session's year
 * @param unitId 承办单位
 * @param topicId 建议类别
 * @param resultClass 办理结果分类 A–D
 * @param region a region named in the reply's figures (e.g. 柯城区)
 * @param sort relevance (the default with a query) or date
 * @param since only issued replies whose last public change (issue, correction,
 * disclosure) or first publication here is at or after this instant, or null
 * @param deputyId 代表: replies to proposals the deputy led or co-signed, or null
 */
public record SearchCriteria(SearchQuery query, Long sessionId, Integer year, Long unitId, Long topicId,
		String resultClass, String region, Sort sort, Instant since, Long deputyId) {

	public enum Sort {

		RELEVANCE, DATE;

		static Sort parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	public SearchCriteria {
		if (sort == null || (sort == Sort.RELEVANCE && query == null)) {
			sort = (query != null) ? Sort.RELEVANCE : Sort.DATE;
		}
	}

	public SearchCriteria(SearchQuery query, Long sessionId, Integer year, Long unitId, Long topicId,
			String resultClass, String region, Sort sort, Instant since) {
		this(query, sessionId, year, unitId, topicId, resultClass, region, sort, since, null);
	}

	public SearchCriteria(SearchQuery query, Long sessionId, Integer year, Long unitId, Long topicId,
			String resultClass, String region, Sort sort) {
		this(query, sessionId, year, unitId, topicId, resultClass, region, sort, null, null);
	}

	/**
	 * These criteria narrowed to replies to proposals a deputy led or co-signed (the
	 * search page's 代表 filter).
	 */
	public SearchCriteria withDeputy(Long deputy) {
		return new SearchCriteria(this.query, this.sessionId, this.year, this.unitId, this.topicId, this.resultClass,
				this.region, this.sort, this.since, deputy);
	}

	/** Everything, newest first. */
	public static SearchCriteria all() {
		return new SearchCriteria(null, null, null, null, null, null, null, Sort.DATE);
	}

	public boolean hasQuery() {
		return this.query != null;
	}

	public boolean hasFilters() {
		return this.sessionId != null || this.year != null || this.unitId != null || this.topicId != null
				|| this.resultClass != null || this.region != null || this.deputyId != null;
	}

	/** The query string that asks for these criteria again, e.g. for another page. */
	public String queryString(Integer page) {
		return queryString(params(page));
	}

	/**
	 * The address of these results under {@code path} with one filter set (or cleared).
	 */
	public String linkWith(String path, String param, String value) {
		Map<String, Object> params = params(null);
		params.put(param, value);
		String q = queryString(params);
		return q.isEmpty() ? path : path + "?" + q;
	}

	/** The current filter values as the form sends them, for selecting options. */
	public Map<String, String> selected() {
		Map<String, String> selected = new HashMap<>();
		params(null).forEach((k, v) -> {
			if (v != null) {
				selected.put(k, v.toString());
			}
		});
		return selected;
	}

	private Map<String, Object> params(Integer page) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("q", (this.query != null) ? this.query.text() : null);
		params.put("session", this.sessionId);
		params.put("year", this.year);
		params.put("unit", this.unitId);
		params.put("topic", this.topicId);
		params.put("result", this.resultClass);
		params.put("region", this.region);
		params.put("deputy", this.deputyId);
		params.put("sort",
				(this.sort == Sort.DATE && this.query != null) ? this.sort.name().toLowerCase(Locale.ROOT) : null);
		params.put("since", this.since);
		params.put("page", (page != null && page > 1) ? page : null);
		return params;
	}

	private static String queryString(Map<String, Object> params) {
		StringJoiner out = new StringJoiner("&");
		params.forEach((k, v) -> {
			if (v != null && !v.toString().isEmpty()) {
				out.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
			}
		});
		return out.toString();
	}

	/** The address of a page of these results under {@code path}. */
	public String link(String path, Integer page) {
		String q = queryString(page);
		return q.isEmpty() ? path : path + "?" + q;
	}

}
