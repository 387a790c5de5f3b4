package org.dafu.platform.cache;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.platform.web.PathPatterns;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * stored, with the headers the security chain set; error pages never. The key is the
 * scheme, the locale and the full URL. Requests that cannot be signed in are answered
 * earlier still, before the session and security filters ({@link Early}).
 */
class PageCacheFilter extends OncePerRequestFilter {

	static final String CACHE_CONTROL = "private, no-cache";

	/** The request attribute a letter page names its reply in ({@link PageTags}). */
	static final String REPLY_ATTRIBUTE = PageCacheFilter.class.getName() + ".reply";

	/** The key of the page this filter sent, for {@link Early} to keep its headers. */
	private static final String SENT_ATTRIBUTE = PageCacheFilter.class.getName() + ".sent";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	private static final String CSRF_FIELD = "name=\"_csrf\"";

	/** Headers the filter writes itself, or that never belong to a stored page. */
	private static final Set<String> OWN_HEADERS = Set.of("etag", "last-modified", "cache-control", "vary",
			"content-type", "content-length", "set-cookie", "date", "transfer-encoding", "expires", "pragma",
			"x-request-id");

	private final PageCache cache;

	private final PublicChangeLog changes;

	private final PathPatterns paths;

	private final long maxEntryBytes;

	private final LocaleResolver locales;

	PageCacheFilter(PageCache cache, PublicChangeLog changes, PageCacheProperties properties, LocaleResolver locales) {
		this.cache = cache;
		this.changes = changes;
		this.paths = new PathPatterns(properties.paths());
		this.maxEntryBytes = properties.maxEntrySize().toBytes();
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !cacheable(request);
	}

	boolean cacheable(HttpServletRequest request) {
		String method = request.getMethod();
		boolean read = "GET".equals(method) || "HEAD".equals(method);
		if (!read || request.getParameter("lang") != null) {
			return false;
		}
		return this.paths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
		if (!anonymous || !this.changes.usable()) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		PageCache.Page page = this.cache.get(key);
		if (page != null) {
			request.setAttribute(SENT_ATTRIBUTE, key);
			send(page, request, response, false);
			return;
		}
		if ("HEAD".equals(request.getMethod())) {
			// answered from the cache like a GET when the page is there; never stored, as
			// a HEAD's body may be dropped before it reaches this filter
			chain.doFilter(request, response);
			return;
		}
		long generation = this.cache.generation();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		page = cacheable(request, wrapper);
		if (page == null) {
			wrapper.copyBodyToResponse();
			return;
		}
		this.cache.put(key, page, generation);
		request.setAttribute(SENT_ATTRIBUTE, key);
		wrapper.resetBuffer();
		send(page, request, response, false);
	}

	/**
	 * Answers the request from memory when its page is there and the cache may be used;
	 * false when it must go on.
	 */
	boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!this.changes.usable()) {
			return false;
		}
		PageCache.Page page = this.cache.get(key(request));
		if (page == null || page.headers() == null) {
			return false;
		}
		send(page, request, response, true);
		return true;
	}

	/**
	 * Once the whole chain answered with a page of the cache that has no headers yet,
	 * keeps the headers the chain set (Spring Security's among them) with it, so that
	 * {@link Early} can send them.
	 */
	void keepHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!(request.getAttribute(SENT_ATTRIBUTE) instanceof String key)
				|| response.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		PageCache.Page page = this.cache.peek(key);
		if (page == null || page.headers() != null) {
			return;
		}
		List<String> headers = new ArrayList<>();
		for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!OWN_HEADERS.contains(lower) && !lower.startsWith("access-control-")) {
				for (String value : response.getHeaders(name)) {
					headers.add(name);
					headers.add(value);
				}
			}
		}
		this.cache.replace(key, page, page.withHeaders(headers.toArray(String[]::new)));
	}

	private PageCache.Page cacheable(HttpServletRequest request, ContentCachingResponseWrapper wrapper) {
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
		Object reply = request.getAttribute(REPLY_ATTRIBUTE);
		Set<String> tags = (reply instanceof Long id) ? Set.of(PublicChangeLog.replyTag(id))
				: Set.of(PublicChangeLog.LISTS);
		String etag = "\"" + DigestUtils.md5DigestAsHex(body) + "\"";
		Instant lastModified = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return new PageCache.Page(body, contentType, etag, lastModified,
				HTTP_DATE.format(lastModified.atZone(ZoneOffset.UTC)), null, tags);
	}

	private static void send(PageCache.Page page, HttpServletRequest request, HttpServletResponse response,
			boolean withHeaders) throws IOException {
		if (withHeaders) {
			// set, not added: the container may have set the same security headers
			// already
			String[] headers = page.headers();
			for (int i = 0; i < headers.length; i += 2) {
				if (i >= 2 && headers[i].equals(headers[i - 2])) {
					response.addHeader(headers[i], headers[i + 1]);
				}
				else {
					response.setHeader(headers[i], headers[i + 1]);
				}
			}
		}
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader());
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
		if (request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) == null) {
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
	 * Scheme, locale, path and parameters (sorted, encoded): the parameters rather than
	 * the raw query string, so that the same request always has the same key.
	 */
	private String key(HttpServletRequest request) {
		Locale locale = this.locales.resolveLocale(request);
		StringBuilder key = new StringBuilder(request.isSecure() ? "s " : "h ").append(locale.toLanguageTag())
			.append(' ')
			.append(request.getRequestURI());
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

	/**
	 * The same cache, answered before the session and security filters for requests that
	 * cannot be signed in: no {@code Authorization} header and no cookie but the language
	 * one (so no session). Such a request is anonymous whatever the filters after would
	 * do; the page is sent with the headers the security chain set when it was stored. A
	 * page that is not there goes on through the whole chain (and {@link PageCacheFilter}
	 * stores it).
	 */
	static class Early extends OncePerRequestFilter {

		private final PageCacheFilter pages;

		private final String languageCookie;

		Early(PageCacheFilter pages, String languageCookie) {
			this.pages = pages;
			this.languageCookie = languageCookie;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !this.pages.cacheable(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| request.getHeader(HttpHeaders.ORIGIN) != null || !onlyLanguageCookie(request)
					|| carriesSecurityContext(request);
		}

		/**
		 * A security context put on the request before the filters (by a harness that
		 * signs requests in without a cookie): the request goes through the chain.
		 */
		private static boolean carriesSecurityContext(HttpServletRequest request) {
			Enumeration<String> names = request.getAttributeNames();
			while (names.hasMoreElements()) {
				Object value = request.getAttribute(names.nextElement());
				if (value instanceof SecurityContext || value instanceof Authentication) {
					return true;
				}
			}
			return false;
		}

		private boolean onlyLanguageCookie(HttpServletRequest request) {
			if (request.getHeader(HttpHeaders.COOKIE) == null) {
				return true;
			}
			jakarta.servlet.http.Cookie[] cookies = request.getCookies();
			if (cookies == null) {
				return false;
			}
			for (jakarta.servlet.http.Cookie cookie : cookies) {
				if (!cookie.getName().equals(this.languageCookie)) {
					return false;
				}
			}
			return true;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!this.pages.answer(request, response)) {
				chain.doFilter(request, response);
				this.pages.keepHeaders(request, response);
			}
		}

	}

}
