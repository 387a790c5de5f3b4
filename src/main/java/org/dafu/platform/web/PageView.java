package org.dafu.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results with what the pagination fragment needs.
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}

	public <R> PageView<R> map(Function<T, R> mapper) {
		return new PageView<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

	public static <T> PageView<T> of(List<T> items, Paging paging, long total) {
		return new PageView<>(items, paging.page(), paging.size(), total);
	}

}
