package org.dafu.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results with what the pagination fragment needs. {@code total} is the
 * number of results, or, when {@code totalExact} is false, a lower bound of it (a search
 * with very many matches stops counting them exactly: docs/search.md).
 */
public record PageView<T>(List<T> items, int page, int size, long total, boolean totalExact) {

	public PageView(List<T> items, int page, int size, long total) {
		this(items, page, size, total, true);
	}

	/** The number of pages; with an inexact total, those the counted results fill. */
	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	/** More results follow: within the total, or past a total that is only a bound. */
	public boolean hasNext() {
		return this.page < totalPages() || (!this.totalExact && this.items.size() == this.size);
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}

	public <R> PageView<R> map(Function<T, R> mapper) {
		return new PageView<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total,
				this.totalExact);
	}

	public static <T> PageView<T> of(List<T> items, Paging paging, long total) {
		return new PageView<>(items, paging.page(), paging.size(), total);
	}

	/** A page whose total may be a lower bound ({@code exact} false). */
	public static <T> PageView<T> of(List<T> items, Paging paging, long total, boolean exact) {
		return new PageView<>(items, paging.page(), paging.size(), total, exact);
	}

}
