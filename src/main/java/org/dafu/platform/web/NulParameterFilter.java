package org.dafu.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400, a request whose parameters hold a NUL character. PostgreSQL cannot
 * store or compare text containing NUL and fails the query, so such a value in a filter
 * or form field would otherwise end as a 500. Nothing legitimate types a NUL. Multipart
 * requests (uploads) and letter imports (which explain what they cannot read) are not
 * inspected here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class NulParameterFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(NulParameterFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/workspace/unit/import") || path.startsWith("/api/v1/imports")) {
			// letters are read by the import, which tells the official what it could not
			// read
			chain.doFilter(request, response);
			return;
		}
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			// uploads are left to their feature: reading parts here would read the upload
			// before its own size checks
			chain.doFilter(request, response);
			return;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (holdsNul(parameter.getKey()) || holdsNul(parameter.getValue())) {
				log.info("400 NUL in parameter {} of {}", LogSafe.of(parameter.getKey()),
						LogSafe.of(request.getRequestURI()));
				response.sendError(HttpServletResponse.SC_BAD_REQUEST);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsNul(String... values) {
		for (String value : values) {
			if (value != null && value.indexOf('\u0000') >= 0) {
				return true;
			}
		}
		return false;
	}

}
