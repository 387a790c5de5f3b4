package org.dafu.platform.cache;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered public pages in memory, each tagged with the content epoch it was rendered
 * under; a page of an older epoch is never served. Bounded by total size: when full,
 * arbitrary pages make room.
 */
class PageCache {

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final AtomicLong bytes = new AtomicLong();

	private final long maxBytes;

	PageCache(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	Page get(String key, long epoch) {
		Page page = this.pages.get(key);
		return (page != null && page.epoch() == epoch) ? page : null;
	}

	void put(String key, Page page) {
		if (page.body().length > this.maxBytes) {
			return;
		}
		Page previous = this.pages.put(key, page);
		this.bytes.addAndGet(page.body().length - ((previous != null) ? previous.body().length : 0));
		Iterator<Map.Entry<String, Page>> entries = this.pages.entrySet().iterator();
		while (this.bytes.get() > this.maxBytes && entries.hasNext()) {
			Map.Entry<String, Page> entry = entries.next();
			if (this.pages.remove(entry.getKey(), entry.getValue())) {
				this.bytes.addAndGet(-entry.getValue().body().length);
			}
		}
	}

	void clear() {
		for (Map.Entry<String, Page> entry : this.pages.entrySet()) {
			if (this.pages.remove(entry.getKey(), entry.getValue())) {
				this.bytes.addAndGet(-entry.getValue().body().length);
			}
		}
	}

	int size() {
		return this.pages.size();
	}

	/**
	 * One rendered page.
	 *
	 * @param epoch the content epoch it was rendered under
	 * @param body the bytes as sent
	 * @param contentType its content type
	 * @param etag its entity tag (quoted)
	 * @param lastModified when it was rendered (whole seconds)
	 */
	record Page(long epoch, byte[] body, String contentType, String etag, Instant lastModified) {
	}

}
