package org.dafu.account;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.dafu.platform.web.OpenDataRoutes;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for open data only: a web page of any other origin may read the public JSON API,
 * the CSV, the Atom feed, the sitemap, robots.txt and the OpenAPI description
 * ({@code Access-Control-Allow-Origin: *}, never {@code Allow-Credentials}), and its
 * preflights for them are answered before any sign-in is asked for.
 *
 * <p>
 * Nothing else is opened: no signed-in page, no write (a preflight for any other route is
 * refused with 403, and the import API's writes from another origin by
 * {@link ApiCrossSiteFilter}). A request that carries credentials (a cookie or an
 * {@code Authorization} header) gets no CORS headers at all, so what a signed-in viewer
 * sees is never readable by another origin, even where the same address serves open data
 * to everyone else.
 */
final class OpenDataCors {

	/** Allows no origin: a preflight checked against it is refused. */
	private static final CorsConfiguration CLOSED = new CorsConfiguration();

	private OpenDataCors() {
	}

	static CorsConfigurationSource source() {
		CorsConfiguration open = new CorsConfiguration();
		open.addAllowedOrigin(CorsConfiguration.ALL);
		open.setAllowCredentials(false);
		open.setAllowedMethods(List.of("GET", "HEAD"));
		// conditional requests and language: what a reader of open data sends
		open.setAllowedHeaders(List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_NONE_MATCH,
				HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.CACHE_CONTROL));
		open.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION));
		open.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource paths = new UrlBasedCorsConfigurationSource();
		OpenDataRoutes.PATHS.forEach((path) -> paths.registerCorsConfiguration(path, open));
		return (request) -> {
			CorsConfiguration config = credentialed(request) ? null : paths.getCorsConfiguration(request);
			// a preflight for anything else is refused (403) rather than answered without
			// CORS headers
			return (config == null && CorsUtils.isPreFlightRequest(request)) ? CLOSED : config;
		};
	}

	/** Whether the request carries a cookie or credentials of its own. */
	static boolean credentialed(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.COOKIE) != null;
	}

}
