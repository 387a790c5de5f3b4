package org.dafu.platform.cache;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves rendered public pages from memory to anonymous viewers (GET, and HEAD with the
 * same headers and no body) and answers conditional requests ({@code If-None-Match},
 * {@code If-Modified-Since}) with 304. It runs after Spring Security, so it knows who is
 * signed in: a signed-in viewer's request is never answered from the cache nor stored in
 * it. Only complete 200 HTML responses that set no cookie and carry no CSRF token are
 * stored; error pages never. The key is the locale and the full URL.
 */
class PageCacheFilter extends OncePerRequestFilter {

	private static final String CACHE_CONTROL = "private, no-cache";

	private static final String CSRF_FIELD = "name=\"_csrf\"";

	private final PageCache cache;

	private final ContentVersion version;

	private final List<String> paths;

	private final long maxEntryBytes;

	private final LocaleResolver locales;

	private final AntPathMatcher matcher = new AntPathMatcher();

	PageCacheFilter(PageCache cache, ContentVersion version, PageCacheProperties properties, LocaleResolver locales) {
		this.cache = cache;
		this.version = version;
		this.paths = properties.paths();
		this.maxEntryBytes = properties.maxEntrySize().toBytes();
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		if (!read || request.getParameter("lang") != null) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String pattern : this.paths) {
			if (this.matcher.match(pattern, path)) {
				return false;
			}
		}
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
		long epoch = anonymous ? this.version.epoch() : ContentVersion.UNKNOWN;
		if (epoch == ContentVersion.UNKNOWN) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		PageCache.Page page = this.cache.get(key, epoch);
		if (page != null) {
			send(page, request, response);
			return;
		}
		if ("HEAD".equals(request.getMethod())) {
			// answered from the cache like a GET when the page is there; never stored, as
			// a HEAD's body may be dropped before it reaches this filter
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		page = cacheable(wrapper, epoch);
		if (page == null) {
			wrapper.copyBodyToResponse();
			return;
		}
		this.cache.put(key, page);
		wrapper.resetBuffer();
		send(page, request, response);
	}

	private PageCache.Page cacheable(ContentCachingResponseWrapper wrapper, long epoch) {
		String contentType = wrapper.getContentType();
		if (wrapper.getStatus() != HttpServletResponse.SC_OK || wrapper.isCommitted()
				|| wrapper.containsHeader(HttpHeaders.SET_COOKIE) || contentType == null
				|| !MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(contentType))
				|| wrapper.getContentSize() > this.maxEntryBytes) {
			return null;
		}
		byte[] body = wrapper.getContentAsByteArray();
		if (new String(body, StandardCharsets.UTF_8).contains(CSRF_FIELD)) {
			// A form with a CSRF token belongs to one visitor's session: never shared.
			return null;
		}
		String etag = "\"" + Long.toHexString(epoch) + "-" + DigestUtils.md5DigestAsHex(body) + "\"";
		return new PageCache.Page(epoch, body, contentType, etag, Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	private static void send(PageCache.Page page, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setHeader(HttpHeaders.VARY, "Cookie");
		if (notModified(page, request)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		response.setContentLength(page.body().length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(page.body());
		}
	}

	private static boolean notModified(PageCache.Page page, HttpServletRequest request) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			for (String tag : ifNoneMatch.split(",")) {
				String candidate = tag.strip();
				if (candidate.startsWith("W/")) {
					candidate = candidate.substring(2);
				}
				if (candidate.equals(page.etag()) || candidate.equals("*")) {
					return true;
				}
			}
			return false;
		}
		try {
			long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			return since >= 0 && page.lastModified().toEpochMilli() <= since;
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	/**
	 * Locale, path and parameters (sorted, encoded): the parameters rather than the raw
	 * query string, so that the same request always has the same key.
	 */
	private String key(HttpServletRequest request) {
		Locale locale = this.locales.resolveLocale(request);
		StringBuilder key = new StringBuilder(locale.toLanguageTag()).append(' ').append(request.getRequestURI());
		Map<String, String[]> parameters = request.getParameterMap();
		if (!parameters.isEmpty()) {
			char separator = '?';
			for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
				for (String value : parameter.getValue()) {
					key.append(separator)
						.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
						.append('=')
						.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
					separator = '&';
				}
			}
		}
		return key.toString();
	}

}
