package org.dafu.opendata;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.LogSafe;
import org.dafu.search.SearchForm;

/** Checks the search parameters of the API, the CSV export and the feed. */
public final class OpenDataSearches {

	private static final Logger log = LoggerFactory.getLogger(OpenDataSearches.class);

	private OpenDataSearches() {
	}

	/**
	 * The checked request; a query that cannot be searched is refused (the API answers
	 * 400), and so is a malformed {@code since}, while an invalid filter is ignored as on
	 * the search page.
	 */
	public static SearchForm.Request check(SearchForm form) {
		SearchForm.Request request = form.toRequest();
		if (request.queryRejected()) {
			log.info("open data: refused query {} q={}", request.problems(), LogSafe.of(form.q()));
			throw new BadSearchException("q", request.problems());
		}
		if (request.problems().contains(SearchForm.SINCE_PROBLEM)) {
			// a client that asked for changes must not silently get everything
			log.info("open data: refused since={}", LogSafe.of(form.since()));
			throw new BadSearchException("since", List.of(SearchForm.SINCE_PROBLEM));
		}
		return request;
	}

}
