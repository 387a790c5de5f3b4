package org.dafu.opendata;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses of pages, from the current request's host. */
final class OpenDataLinks {

	private OpenDataLinks() {
	}

	static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

	/** The stable address of a reply: by 索引号, or by id while it has none. */
	static String reply(long id, String indexNumber) {
		return absolute((indexNumber != null) ? "/replies/index/" + indexNumber : "/replies/" + id);
	}

}
