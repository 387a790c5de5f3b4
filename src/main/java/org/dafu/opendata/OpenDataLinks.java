package org.dafu.opendata;

import jakarta.servlet.http.HttpServletRequest;
import org.dafu.platform.web.PublicUrl;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Absolute addresses of pages, from the portal's configured public address
 * ({@link PublicUrl}), never from the request's Host header.
 */
final class OpenDataLinks {

	private static final String ATTRIBUTE = OpenDataLinks.class.getName() + ".publicUrl";

	private OpenDataLinks() {
	}

	static String absolute(String path) {
		return publicUrl().absolute(path);
	}

	/** The stable address of a reply: by 索引号, or by id while it has none. */
	static String reply(long id, String indexNumber) {
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
