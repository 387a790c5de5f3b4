package org.dafu.platform.cache;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered public pages in memory, each with the tags of what it shows (a reply's letter
 * page {@code reply:id}, every other page {@link PublicChangeLog#LISTS}), emptied by tag
 * as the public change log says ({@link PublicChangeLog}). A page rendered while
 * something was emptied is not stored (it may show what was there before). Bounded by
 * total size: when full, arbitrary pages make room.
 */
class PageCache implements PublicChangeLog.Follower {

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong generation = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final long maxBytes;

	PageCache(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	Page get(String key) {
		Page page = this.pages.get(key);
		if (page != null) {
			this.hits.incrementAndGet();
		}
		return page;
	}

	/** Moves on whenever pages are emptied: taken before rendering, checked by put. */
	long generation() {
		return this.generation.get();
	}

	/** Pages served from memory so far. */
	long hits() {
		return this.hits.get();
	}

	/** Stores the page unless pages were emptied since {@code generation}. */
	void put(String key, Page page, long generation) {
		if (page.body().length > this.maxBytes) {
			return;
		}
		Page previous = this.pages.put(key, page);
		this.bytes.addAndGet(page.body().length - ((previous != null) ? previous.body().length : 0));
		if (this.generation.get() != generation) {
			// emptied meanwhile: the page may be stale
			remove(key, page);
			return;
		}
		Iterator<Map.Entry<String, Page>> entries = this.pages.entrySet().iterator();
		while (this.bytes.get() > this.maxBytes && entries.hasNext()) {
			Map.Entry<String, Page> entry = entries.next();
			remove(entry.getKey(), entry.getValue());
		}
	}

	@Override
	public void evict(Set<String> tags) {
		this.generation.incrementAndGet();
		for (Map.Entry<String, Page> entry : this.pages.entrySet()) {
			for (String tag : entry.getValue().tags()) {
				if (tags.contains(tag)) {
					remove(entry.getKey(), entry.getValue());
					break;
				}
			}
		}
	}

	@Override
	public void clear() {
		this.generation.incrementAndGet();
		for (Map.Entry<String, Page> entry : this.pages.entrySet()) {
			remove(entry.getKey(), entry.getValue());
		}
	}

	private void remove(String key, Page page) {
		if (this.pages.remove(key, page)) {
			this.bytes.addAndGet(-page.body().length);
		}
	}

	/** The page, without counting a hit. */
	Page peek(String key) {
		return this.pages.get(key);
	}

	/** Replaces the page by the same page with more (its headers). */
	void replace(String key, Page page, Page with) {
		this.pages.replace(key, page, with);
	}

	int size() {
		return this.pages.size();
	}

	boolean contains(String key) {
		return this.pages.containsKey(key);
	}

	/**
	 * One rendered page, ready to send.
	 *
	 * @param body the bytes as sent
	 * @param contentType its content type
	 * @param etag its entity tag (quoted)
	 * @param lastModified when it was rendered (whole seconds)
	 * @param lastModifiedHeader the same as an HTTP date
	 * @param headers the other headers the page was sent with (security headers,
	 * language): names and values, in pairs; null until known
	 * @param tags what it shows
	 */
	record Page(byte[] body, String contentType, String etag, Instant lastModified, String lastModifiedHeader,
			String[] headers, Set<String> tags) {

		Page withHeaders(String[] headers) {
			return new Page(this.body, this.contentType, this.etag, this.lastModified, this.lastModifiedHeader, headers,
					this.tags);
		}

	}

}
