package org.dafu.platform.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The global content version (table {@code content_version}, bumped by a trigger in every
 * transaction that changes what public pages show, migration V50), read at most once per
 * interval by whichever request comes first. When it moved, or this instance committed a
 * change itself ({@link #changed()}), the local epoch moves on and every page cached
 * under an older epoch is stale. While the database cannot be asked, there is no valid
 * epoch and nothing is served from the cache.
 */
class ContentVersion {

	private static final Logger log = LoggerFactory.getLogger(ContentVersion.class);

	static final long UNKNOWN = -1;

	private final JdbcTemplate jdbc;

	private final long intervalNanos;

	private final AtomicBoolean checking = new AtomicBoolean();

	private final Runnable onChange;

	private volatile long databaseVersion = UNKNOWN;

	private volatile long epoch;

	private volatile boolean healthy;

	private volatile long checkedAt;

	ContentVersion(JdbcTemplate jdbc, Duration interval, Runnable onChange) {
		this.jdbc = jdbc;
		this.intervalNanos = interval.toNanos();
		this.onChange = onChange;
		this.checkedAt = System.nanoTime() - this.intervalNanos - 1;
	}

	/** The current epoch, or {@link #UNKNOWN} while the database cannot be asked. */
	long epoch() {
		long now = System.nanoTime();
		if ((!this.healthy || now - this.checkedAt >= this.intervalNanos) && this.checking.compareAndSet(false, true)) {
			try {
				Long version = this.jdbc.queryForObject("select version from content_version where id = 1", Long.class);
				if (version == null || version != this.databaseVersion) {
					this.databaseVersion = (version != null) ? version : UNKNOWN;
					changed();
				}
				this.healthy = true;
			}
			catch (DataAccessException ex) {
				if (this.healthy) {
					log.warn("Page cache off: the content version cannot be read ({})", ex.getClass().getSimpleName());
				}
				this.healthy = false;
				this.databaseVersion = UNKNOWN;
				changed();
			}
			finally {
				this.checkedAt = System.nanoTime();
				this.checking.set(false);
			}
		}
		return this.healthy ? this.epoch : UNKNOWN;
	}

	/** Something changed: pages cached so far are stale. */
	synchronized void changed() {
		this.epoch++;
		this.onChange.run();
	}

}
