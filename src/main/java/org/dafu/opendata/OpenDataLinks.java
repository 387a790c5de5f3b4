package org.dafu.opendata;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.dafu.platform.web.PublicUrl;
import org.dafu.search.SearchCriteria;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Absolute addresses of pages, from the portal's configured public address
 * ({@link PublicUrl}), never from the request's Host header.
 */
public final class OpenDataLinks {

	private static final String ATTRIBUTE = OpenDataLinks.class.getName() + ".publicUrl";

	private OpenDataLinks() {
	}

	public static String absolute(String path) {
		return publicUrl().absolute(path);
	}

	/**
	 * The absolute address of another page of an API list: the same criteria (query,
	 * filters, sort) and page size, so that following it changes only the page.
	 */
	public static String apiPage(SearchCriteria criteria, int page, int size) {
		String link = UriComponentsBuilder.fromUriString(criteria.link("/api/v1/replies", page))
			.replaceQueryParam("sort", criteria.sort().name().toLowerCase(Locale.ROOT))
			.replaceQueryParam("size", size)
			.build(true)
			.toUriString();
		return absolute(link);
	}

	/** The stable address of a reply: by 索引号, or by id while it has none. */
	public static String reply(long id, String indexNumber) {
		return absolute((indexNumber != null) ? "/replies/index/" + indexNumber : "/replies/" + id);
	}

	/** The application's {@link PublicUrl}, looked up once per request. */
	private static PublicUrl publicUrl() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		PublicUrl url = (PublicUrl) request.getAttribute(ATTRIBUTE);
		if (url == null) {
			url = RequestContextUtils.findWebApplicationContext(request).getBean(PublicUrl.class);
			request.setAttribute(ATTRIBUTE, url);
		}
		return url;
	}

}
