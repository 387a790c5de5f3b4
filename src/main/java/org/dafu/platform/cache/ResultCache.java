package org.dafu.platform.cache;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results that are expensive to compute and the same for everyone who may see them
 * (statistics, public search pages and facets): kept until the content version moves
 * (table {@code content_version}, bumped at the commit of every change to proposals,
 * assignments, replies, evaluations…, migration V50) or the day changes. The version is
 * read, one row by its key, on every call and before computing, so a change committed
 * meanwhile makes the next call compute again, on every instance. Callers put who may see
 * a result into its key.
 */
@Component
public class ResultCache {

	static final int MAX_ENTRIES = 1_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ResultCache(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@SuppressWarnings("unchecked")
	public <T> T get(String key, Supplier<T> compute) {
		Long version = this.jdbc.queryForObject("select version from content_version where id = 1", Long.class);
		LocalDate today = LocalDate.now(this.clock);
		Entry hit = this.entries.get(key);
		if (hit != null && hit.version().equals(version) && hit.day().equals(today)) {
			return (T) hit.value();
		}
		T value = compute.get();
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(version, today, value));
		return value;
	}

	private record Entry(Long version, LocalDate day, Object value) {
	}

}
