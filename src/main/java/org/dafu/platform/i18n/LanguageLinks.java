package org.dafu.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The layouts' language switch: the same page, with the same query (a search, a filter, a
 * page number), in the other language. Pages not rendered through a controller (the error
 * page) fall back to {@code ?lang=…} in the template.
 */
@ControllerAdvice
class LanguageLinks {

	@ModelAttribute("languageLinks")
	Links languageLinks(HttpServletRequest request) {
		return new Links(link(request, "zh-CN"), link(request, "en"));
	}

	static String link(HttpServletRequest request, String language) {
		try {
			return UriComponentsBuilder.fromPath(request.getRequestURI())
				.query(request.getQueryString())
				.replaceQueryParam("lang", language)
				.build(true)
				.toUriString();
		}
		catch (IllegalArgumentException ex) {
			// A query that is not well encoded: switch the language of the bare page.
			return "?lang=" + language;
		}
	}

	record Links(String zh, String en) {

	}

}
