package org.dafu.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.AntPathMatcher;

/**
 * Ant patterns ({@code /replies/**}, {@code /**}{@code /*.csv}) matched against a
 * request's path within the application, for the filters that apply to some routes only.
 */
public final class PathPatterns {

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final List<String> patterns;

	public PathPatterns(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
	}

	/** Whether the request's path within the application matches one of the patterns. */
	public boolean matches(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String pattern : this.patterns) {
			if (MATCHER.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

}
