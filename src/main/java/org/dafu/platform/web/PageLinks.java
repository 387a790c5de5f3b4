package org.dafu.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pagination fragment's links ({@code templates/fragments/pagination.html}, as
 * {@code pageLinks.to(n)}): the current page's address with every query parameter it came
 * with (filters, a search, the language) and only the page number replaced. The query is
 * kept as it was encoded, so nothing a visitor put in it is decoded into the link, and
 * the template escapes the link as an attribute.
 */
@ControllerAdvice
class PageLinks {

	@ModelAttribute("pageLinks")
	Links pageLinks(HttpServletRequest request) {
		return new Links(request);
	}

	static String to(HttpServletRequest request, int page) {
		try {
			return UriComponentsBuilder.fromPath(request.getRequestURI())
				.query(request.getQueryString())
				.replaceQueryParam("page", page)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			// A query that is not well encoded: the page number alone.
			return request.getRequestURI() + "?page=" + page;
		}
	}

	/** The links of one request. */
	public static final class Links {

		private final HttpServletRequest request;

		Links(HttpServletRequest request) {
			this.request = request;
		}

		public String to(int page) {
			return PageLinks.to(this.request, page);
		}

	}

}
