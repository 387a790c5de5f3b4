package org.dafu.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dafu.platform.ClockConfiguration;
import org.dafu.platform.web.Paging;

/**
 * The search parameters as they come from the query string, all text: a wrong filter
 * value is reported and ignored instead of failing the page.
 *
 * @param q the query
 * @param session a session id
 * @param year a session year
 * @param unit a unit id
 * @param topic a topic category id
 * @param result a result class A–D
 * @param region a region named in figures
 * @param sort relevance or date
 * @param page the page, from 1
 * @param size the page size
 * @param since only replies whose last public change (issue, correction, disclosure) is
 * at or after this ISO date-time or date (docs/search.md)
 */
public record SearchForm(String q, String session, String year, String unit, String topic, String result, String region,
		String sort, String page, String size, String since) {

	private static final int MAX_REGION = 50;

	/** The message key of a malformed {@code since}. */
	public static final String SINCE_PROBLEM = "search.problem.since";

	public SearchForm(String q, String session, String year, String unit, String topic, String result, String region,
			String sort, String page, String size) {
		this(q, session, year, unit, topic, result, region, sort, page, size, null);
	}

	/**
	 * The checked request: criteria, paging and the message keys of what was wrong.
	 */
	public Request toRequest() {
		List<String> problems = new ArrayList<>();
		SearchQuery.Parsed parsed = SearchQuery.parse(this.q);
		if (parsed.problem() == SearchQuery.Problem.TOO_LONG) {
			problems.add("search.problem.tooLong");
		}
		else if (parsed.problem() == SearchQuery.Problem.NO_WORDS) {
			problems.add("search.problem.noWords");
		}
		Long sessionId = id(this.session, problems);
		Long unitId = id(this.unit, problems);
		Long topicId = id(this.topic, problems);
		Integer yearValue = null;
		if (present(this.year)) {
			Long y = number(this.year);
			if (y != null && y >= 1949 && y <= 2200) {
				yearValue = y.intValue();
			}
			else {
				problems.add("search.problem.filter");
			}
		}
		String resultClass = null;
		if (present(this.result)) {
			String r = this.result.strip().toUpperCase(Locale.ROOT);
			if (r.matches("[ABCD]")) {
				resultClass = r;
			}
			else {
				problems.add("search.problem.filter");
			}
		}
		String regionValue = null;
		if (present(this.region)) {
			String r = this.region.strip();
			if (r.length() <= MAX_REGION) {
				regionValue = r;
			}
			else {
				problems.add("search.problem.filter");
			}
		}
		Instant sinceValue = null;
		if (present(this.since)) {
			sinceValue = since(this.since);
			if (sinceValue == null) {
				problems.add(SINCE_PROBLEM);
			}
		}
		SearchCriteria.Sort sortValue = SearchCriteria.Sort.parse(this.sort);
		Long pageValue = number(this.page);
		Long sizeValue = number(this.size);
		Paging paging = Paging.of((pageValue != null) ? (int) Math.min(pageValue, Paging.MAX_PAGE) : null,
				(sizeValue != null) ? (int) Math.min(sizeValue, Paging.MAX_SIZE) : null);
		SearchCriteria criteria = new SearchCriteria(parsed.query(), sessionId, yearValue, unitId, topicId, resultClass,
				regionValue, sortValue, sinceValue);
		return new Request(criteria, paging, problems.stream().distinct().toList(), parsed.problem() != null);
	}

	/** Whether the visitor asked for anything at all. */
	public boolean isBlank() {
		return !present(this.q) && !present(this.session) && !present(this.year) && !present(this.unit)
				&& !present(this.topic) && !present(this.result) && !present(this.region);
	}

	/**
	 * An ISO 8601 date-time with offset ({@code 2026-12-01T08:00:00Z},
	 * {@code 2026-12-01T16:00+08:00}), a local date-time or a date (both in China
	 * Standard Time, a date from its start), or null when it is none of these. A
	 * {@code +} sent unencoded in a query string arrives as a space and is taken back.
	 */
	static Instant since(String text) {
		String t = text.strip().replace(' ', '+');
		if (t.length() > 40) {
			return null;
		}
		try {
			if (t.length() == 10) {
				return LocalDate.parse(t).atStartOfDay(ClockConfiguration.ZONE).toInstant();
			}
			if (t.endsWith("Z") || t.endsWith("z") || t.matches(".*[+-][0-9]{2}(:?[0-9]{2})?$")) {
				return OffsetDateTime.parse(t.toUpperCase(Locale.ROOT)).toInstant();
			}
			return LocalDateTime.parse(t).atZone(ClockConfiguration.ZONE).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static Long id(String text, List<String> problems) {
		if (!present(text)) {
			return null;
		}
		Long id = number(text);
		if (id == null || id <= 0) {
			problems.add("search.problem.filter");
			return null;
		}
		return id;
	}

	private static Long number(String text) {
		if (!present(text)) {
			return null;
		}
		String t = text.strip();
		if (!t.matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(t);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * A checked request.
	 *
	 * @param criteria what to search
	 * @param paging which page
	 * @param problems message keys of what was wrong (ignored filters, a rejected query)
	 * @param queryRejected the query itself could not be searched: show no results
	 */
	public record Request(SearchCriteria criteria, Paging paging, List<String> problems, boolean queryRejected) {
	}

}
