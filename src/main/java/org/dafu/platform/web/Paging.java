package org.dafu.platform.web;

/**
 * A page request from the query string, clamped so that no parameter can ask for an
 * unbounded amount of work. Pages count from 1 in URLs.
 * <p>
 * A list read with {@code OFFSET} reads every row before its page, so its pages stop at
 * {@value #MAX_PAGE} ({@link #of}). A list read by seek (keyset: its page starts from a
 * key kept for every page) costs the same on any page, so its pages go as deep as the
 * list ({@link #seek}; the reply list of a million replies has 38,000 pages).
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** The deepest page of a list read with {@code OFFSET}. */
	public static final int MAX_PAGE = 10_000;

	/** The deepest page of a list read by seek: 200 million rows at 20 a page. */
	public static final int MAX_SEEK_PAGE = 10_000_000;

	public Paging {
		page = Math.max(1, Math.min(page, MAX_SEEK_PAGE));
		size = (size <= 0) ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	/** A page of a list read with {@code OFFSET}: up to {@value #MAX_PAGE}. */
	public static Paging of(Integer page, Integer size) {
		return seek((page != null) ? Math.min(page, MAX_PAGE) : null, size);
	}

	/** A page of a list read by seek: up to {@value #MAX_SEEK_PAGE}. */
	public static Paging seek(Integer page, Integer size) {
		return new Paging((page != null) ? page : 1, (size != null) ? size : DEFAULT_SIZE);
	}

	/**
	 * This page, no deeper than {@value #MAX_PAGE}: for a list read with {@code OFFSET}.
	 */
	public Paging byOffset() {
		return (this.page <= MAX_PAGE) ? this : new Paging(MAX_PAGE, this.size);
	}

	public long offset() {
		return (long) (this.page - 1) * this.size;
	}

}
