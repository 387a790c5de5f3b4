package org.dafu.platform.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dafu.platform.web.OpenDataRoutes;
import org.dafu.platform.web.PathPatterns;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * HTTP caching of open data (the JSON API, the CSV, the Atom feed, the sitemap,
 * robots.txt, the OpenAPI description) for anonymous readers: validators tied to the
 * newest row of the public change log (table {@code public_change}, written at the commit
 * of every change of what the public sees, in the order of the commits, migration V77),
 * so a feed reader or crawler that polls gets a bodiless 304 until something changed.
 * <ul>
 * <li>{@code ETag}: weak (Tomcat compresses only responses without a strong one), made of
 * the newest change's id, the language, the application build, and for the statistics the
 * day (their overdue counts move with it);</li>
 * <li>{@code Last-Modified}: when the newest change was written (or the build, or the
 * day's start, when later);</li>
 * <li>{@code If-None-Match} (preferred) or {@code If-Modified-Since} that still hold: 304
 * before any work is done;</li>
 * <li>{@code Cache-Control: public, max-age=…} and {@code Vary: Cookie, Authorization} on
 * a 200, in place of Spring Security's {@code no-store}.</li>
 * </ul>
 * Signed-in viewers (a session or HTTP Basic) see more than the public: their responses
 * are left alone and keep Spring Security's {@code no-cache, no-store}. So do errors.
 * Runs after Spring Security, so that it knows who is signed in.
 */
class OpenDataValidatorsFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OpenDataValidatorsFilter.class);

	/** Routes whose content also changes with the day. */
	static final PathPatterns DAILY = new PathPatterns(
			List.of("/api/v1/sessions/*/statistics", "/statistics/sessions/*.xlsx"));

	private static final PathPatterns OPEN_DATA = new PathPatterns(OpenDataRoutes.PATHS);

	static final String VARY = "Cookie, Authorization";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final LocaleResolver locales;

	private final String cacheControl;

	private final String build;

	private final Instant builtAt;

	/**
	 * @param build the application build (its time), so that a new release's different
	 * representation is not taken for the old one's
	 */
	OpenDataValidatorsFilter(JdbcTemplate jdbc, Clock clock, LocaleResolver locales, Duration maxAge, Instant build) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.locales = locales;
		this.cacheControl = "public, max-age=" + maxAge.toSeconds();
		this.builtAt = (build != null) ? build.truncatedTo(ChronoUnit.SECONDS) : Instant.EPOCH;
		this.build = Long.toString(this.builtAt.getEpochSecond(), 36);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		return !OPEN_DATA.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Validators validators = anonymous() ? validators(request) : null;
		if (validators == null) {
			chain.doFilter(request, response);
			return;
		}
		if (notModified(validators, request)) {
			// RFC 9110 §15.4.5: the validators and caching headers a 200 would carry
			headers(validators, response);
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		Headers wrapper = new Headers(response, validators);
		try {
			chain.doFilter(request, new NoHeadersOnErrors(wrapper));
		}
		finally {
			wrapper.write();
		}
	}

	/**
	 * This request's validators, or null when they cannot be known (the database cannot
	 * be asked: the request goes on uncached).
	 */
	private Validators validators(HttpServletRequest request) {
		Version version;
		try {
			version = this.jdbc.queryForObject("select id, at from public_change order by id desc limit 1",
					(rs, row) -> new Version(rs.getLong("id"), rs.getTimestamp("at")));
		}
		catch (DataAccessException ex) {
			log.debug("open data sent without validators: the public change log cannot be read ({})",
					ex.getClass().getSimpleName());
			return null;
		}
		if (version == null) {
			return null;
		}
		Instant lastModified = version.changedAt().toInstant().truncatedTo(ChronoUnit.SECONDS);
		if (this.builtAt.isAfter(lastModified)) {
			lastModified = this.builtAt;
		}
		String language = this.locales.resolveLocale(request).toLanguageTag() + "|" + request.getParameter("lang");
		StringBuilder tag = new StringBuilder().append(Long.toString(version.version(), 36))
			.append('-')
			.append(this.build)
			.append('-')
			.append(DigestUtils.md5DigestAsHex(language.getBytes(StandardCharsets.UTF_8)), 0, 8);
		if (DAILY.matches(request)) {
			LocalDate today = LocalDate.now(this.clock);
			Instant dayStart = today.atStartOfDay(this.clock.getZone()).toInstant();
			if (dayStart.isAfter(lastModified)) {
				lastModified = dayStart;
			}
			tag.append('-').append(today);
		}
		return new Validators("W/\"" + tag + "\"", lastModified);
	}

	private static boolean notModified(Validators validators, HttpServletRequest request) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			// weak comparison (RFC 9110 §13.1.2)
			String ours = opaque(validators.etag());
			for (String candidate : ifNoneMatch.split(",")) {
				String tag = candidate.strip();
				if (tag.equals("*") || opaque(tag).equals(ours)) {
					return true;
				}
			}
			return false;
		}
		long since;
		try {
			since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
		return since >= 0 && validators.lastModified().toEpochMilli() <= since;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private void headers(Validators validators, HttpServletResponse response) {
		response.setHeader(HttpHeaders.ETAG, validators.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, validators.lastModified().toEpochMilli());
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		response.addHeader(HttpHeaders.VARY, VARY);
	}

	private static boolean anonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated();
	}

	private record Version(long version, Timestamp changedAt) {
	}

	private record Validators(String etag, Instant lastModified) {
	}

	/**
	 * Writes the caching headers of a 200 just before the response is committed (after
	 * that they could not be sent), and none on any other status: errors keep Spring
	 * Security's {@code no-store}.
	 */
	private final class Headers extends OnCommittedResponseWrapper {

		private final Validators validators;

		private boolean written;

		Headers(HttpServletResponse response, Validators validators) {
			super(response);
			this.validators = validators;
		}

		@Override
		protected void onResponseCommitted() {
			write();
		}

		void write() {
			if (this.written) {
				return;
			}
			this.written = true;
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (response.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted()) {
				headers(this.validators, response);
			}
		}

	}

	/**
	 * An error or redirect commits the response while its status still reads 200: no
	 * caching headers for it.
	 */
	private static final class NoHeadersOnErrors extends HttpServletResponseWrapper {

		private final Headers headers;

		NoHeadersOnErrors(Headers headers) {
			super(headers);
			this.headers = headers;
		}

		@Override
		public void sendError(int sc) throws IOException {
			this.headers.written = true;
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			this.headers.written = true;
			super.sendError(sc, msg);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			this.headers.written = true;
			super.sendRedirect(location);
		}

	}

}
