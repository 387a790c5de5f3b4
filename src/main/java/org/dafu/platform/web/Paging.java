package org.dafu.platform.web;

/**
 * A page request from the query string, clamped so that no parameter can ask for an
 * unbounded amount of work. Pages count from 1 in URLs.
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static final int MAX_PAGE = 10_000;

	public Paging {
		page = Math.max(1, Math.min(page, MAX_PAGE));
		size = (size <= 0) ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging((page != null) ? page : 1, (size != null) ? size : DEFAULT_SIZE);
	}

	public long offset() {
		return (long) (this.page - 1) * this.size;
	}

}
