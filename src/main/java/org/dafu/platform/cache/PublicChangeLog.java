package org.dafu.platform.cache;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Follows the log of public changes (table {@code public_change}, written at commit by
 * the triggers of migration V77 whenever something the public can see changes) by its id,
 * and empties what each change touches in the caches that {@link #follow follow} it: a
 * reply's change the entries tagged {@link #replyTag(long) reply:id} and {@link #LISTS
 * public-lists}; a change of the aggregates only the lists; a change of names shown
 * everywhere everything.
 * <p>
 * The log is read at most once per interval by whichever caller comes first
 * ({@link #usable()}, the page cache's hit path, never waiting for it), or at once by
 * {@link #refresh()} (after this instance committed a change, and before a result is
 * taken from the result cache). While it cannot be read, nothing is served from the
 * caches and they are emptied. Rows older than a day are pruned by whichever instance
 * reads; an instance whose last row was pruned has missed changes and empties everything.
 */
@Component
public class PublicChangeLog {

	private static final Logger log = LoggerFactory.getLogger(PublicChangeLog.class);

	/**
	 * The tag of every cached page or result that aggregates replies (lists, search…).
	 */
	public static final String LISTS = "public-lists";

	private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

	private static final int BATCH = 5_000;

	private final JdbcTemplate jdbc;

	private final long intervalNanos;

	private final List<Follower> followers = new CopyOnWriteArrayList<>();

	private final ReentrantLock reading = new ReentrantLock();

	private final AtomicBoolean checking = new AtomicBoolean();

	/** Requests for a read of the log, and the last one a completed read served. */
	private final AtomicLong requested = new AtomicLong();

	private long served;

	private volatile long lastId = -1;

	private volatile boolean healthy;

	private volatile long checkedAt;

	private long prunedAt;

	PublicChangeLog(JdbcTemplate jdbc, @Value("${dafu.page-cache.version-check-interval:1s}") Duration interval) {
		this.jdbc = jdbc;
		this.intervalNanos = interval.toNanos();
		this.checkedAt = System.nanoTime() - this.intervalNanos - 1;
		this.prunedAt = System.nanoTime() - PRUNE_EVERY_NANOS - 1;
	}

	public static String replyTag(long replyId) {
		return "reply:" + replyId;
	}

	/** A cache that empties what changed. */
	interface Follower {

		/** Empty the entries with any of these tags. */
		void evict(Set<String> tags);

		/** Empty everything. */
		void clear();

	}

	void follow(Follower follower) {
		this.followers.add(follower);
	}

	/**
	 * Whether cached entries may be served: the log was read within the interval (read it
	 * now if not, unless another caller already does) and the database answered.
	 */
	boolean usable() {
		if ((!this.healthy || System.nanoTime() - this.checkedAt >= this.intervalNanos)) {
			if (this.intervalNanos == 0) {
				refresh();
			}
			else if (this.checking.compareAndSet(false, true)) {
				try {
					refresh();
				}
				finally {
					this.checking.set(false);
				}
			}
		}
		return this.healthy;
	}

	/**
	 * Reads the log now: when this returns, every change committed before it was called
	 * is emptied from the caches (unless the database cannot be read: then
	 * {@link #healthy()} is false and the caches are empty). Callers that arrive while a
	 * read is under way share the next one.
	 */
	void refresh() {
		long ticket = this.requested.incrementAndGet();
		this.reading.lock();
		try {
			if (this.served >= ticket) {
				return;
			}
			long upTo = this.requested.get();
			read();
			this.served = upTo;
		}
		finally {
			this.reading.unlock();
		}
	}

	boolean healthy() {
		return this.healthy;
	}

	/** The last change read (-1 before the first read). */
	long lastId() {
		return this.lastId;
	}

	private void read() {
		try {
			if (this.lastId < 0) {
				Long newest = this.jdbc.queryForObject("select coalesce(max(id), 0) from public_change", Long.class);
				this.lastId = (newest != null) ? newest : 0;
				clearAll();
			}
			else {
				readSince();
			}
			prune();
			if (!this.healthy) {
				log.info("Public caches on: the change log can be read");
			}
			this.healthy = true;
		}
		catch (DataAccessException ex) {
			if (this.healthy) {
				log.warn("Public caches off: the change log cannot be read ({})", ex.getClass().getSimpleName());
			}
			this.healthy = false;
			clearAll();
		}
		finally {
			this.checkedAt = System.nanoTime();
		}
	}

	private void readSince() {
		while (true) {
			long since = this.lastId;
			long[] bounds = this.jdbc.queryForObject(
					"select coalesce(min(id), 0), coalesce(max(id), 0) from public_change",
					(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) });
			if (bounds[1] == since) {
				return;
			}
			if (bounds[0] > since || bounds[1] < since) {
				// rows this instance never read were pruned, or the log was restored
				// from an archive: anything may have changed
				clearAll();
				this.lastId = bounds[1];
				return;
			}
			List<Change> changes = this.jdbc.query(
					"select id, kind, reply_id from public_change where id > ? order by id limit ?",
					(rs, row) -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)), since, BATCH);
			if (changes.isEmpty()) {
				return;
			}
			Set<String> tags = new HashSet<>();
			boolean all = false;
			for (Change change : changes) {
				switch (change.kind()) {
					case "REPLY" -> {
						tags.add(replyTag(change.replyId()));
						tags.add(LISTS);
					}
					case "LISTS" -> tags.add(LISTS);
					default -> all = true;
				}
			}
			if (all) {
				clearAll();
			}
			else {
				for (Follower follower : this.followers) {
					follower.evict(tags);
				}
			}
			this.lastId = changes.get(changes.size() - 1).id();
			if (changes.size() < BATCH) {
				return;
			}
		}
	}

	private void prune() {
		long now = System.nanoTime();
		if (now - this.prunedAt < PRUNE_EVERY_NANOS || TransactionSynchronizationManager.isSynchronizationActive()) {
			// not within a caller's transaction (it may be read-only, or have committed)
			return;
		}
		this.prunedAt = now;
		this.jdbc.update("delete from public_change where at < now() - interval '1 day' "
				+ "and id < (select max(id) from public_change)");
	}

	private void clearAll() {
		for (Follower follower : this.followers) {
			follower.clear();
		}
	}

	private record Change(long id, String kind, long replyId) {
	}

}
