package org.dafu.platform.cache;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Results that are expensive to compute and the same for everyone who may see them
 * (statistics, public search pages and facets): kept until something they show changes
 * for the public (the change log {@code public_change}, migration V77, read by
 * {@link PublicChangeLog}) or the day changes. The log is read before every call (one
 * indexed query, shared by the calls that arrive together), so a change committed on any
 * instance makes the next call compute again; only the results tagged with what changed
 * are emptied. Callers put who may see a result into its key.
 */
@Component
public class ResultCache implements PublicChangeLog.Follower {

	static final int MAX_ENTRIES = 1_000;

	private static final Set<String> LISTS = Set.of(PublicChangeLog.LISTS);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final PublicChangeLog changes;

	private final Clock clock;

	ResultCache(PublicChangeLog changes, Clock clock) {
		this.changes = changes;
		this.clock = clock;
		changes.follow(this);
	}

	/** A result that aggregates replies: emptied by every public change. */
	public <T> T get(String key, Supplier<T> compute) {
		return get(key, LISTS, compute);
	}

	/**
	 * A result emptied by the public changes of what its tags name
	 * ({@link PublicChangeLog#LISTS}, {@link PublicChangeLog#replyTag(long)}).
	 */
	public <T> T get(String key, Set<String> tags, Supplier<T> compute) {
		this.changes.refresh();
		return this.changes.healthy() ? kept(key, tags, compute) : compute.get();
	}

	/**
	 * As {@link #get(String, Supplier)}, for a result that a page reads on every request:
	 * the log is read at most once per check interval, as the page cache reads it (a
	 * change committed on this instance empties the result at once, one committed on
	 * another within the interval), so a request that finds the result costs no
	 * statement.
	 */
	public <T> T getWithinInterval(String key, Supplier<T> compute) {
		return this.changes.usable() ? kept(key, LISTS, compute) : compute.get();
	}

	@SuppressWarnings("unchecked")
	private <T> T kept(String key, Set<String> tags, Supplier<T> compute) {
		LocalDate today = LocalDate.now(this.clock);
		Entry hit = this.entries.get(key);
		if (hit != null && hit.day().equals(today)) {
			return (T) hit.value();
		}
		long before = this.generation.get();
		T value = compute.get();
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		Entry entry = new Entry(today, value, Set.copyOf(tags));
		this.entries.put(key, entry);
		if (this.generation.get() != before) {
			// emptied while computing: the value may be stale
			this.entries.remove(key, entry);
		}
		return value;
	}

	@Override
	public void evict(Set<String> tags) {
		this.generation.incrementAndGet();
		this.entries.entrySet().removeIf((e) -> e.getValue().tags().stream().anyMatch(tags::contains));
	}

	@Override
	public void clear() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	private record Entry(LocalDate day, Object value, Set<String> tags) {
	}

}
