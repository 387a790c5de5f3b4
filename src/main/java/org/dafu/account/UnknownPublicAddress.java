package org.dafu.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A GET or HEAD of an address no controller answers, outside the signed-in areas
 * ({@code /workspace}, {@code /my}, {@code /account}, {@code /notifications},
 * {@code /following}, {@code /logout}): such a request is let through to answer the 404
 * page instead of a redirect to sign-in, which would suggest there is something behind
 * it. A registered route that is not classified still matches nothing here (its handler
 * is found), so it stays denied: deny by default holds for every real route.
 */
final class UnknownPublicAddress implements RequestMatcher {

	/** Signed-in areas: whatever is asked there, known or not, needs signing in first. */
	static final List<String> SIGNED_IN_AREAS = List.of("/workspace", "/my", "/account", "/notifications", "/following",
			"/logout", "/api");

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnknownPublicAddress(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String area : SIGNED_IN_AREAS) {
			if (path.equals(area) || path.startsWith(area + "/") || path.startsWith(area + ".")) {
				return false;
			}
		}
		RequestMappingHandlerMapping mapping = this.mappings.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			return mapping.getHandler(request) == null;
		}
		catch (Exception ex) {
			// a route that exists for another method or content type: not unknown
			return false;
		}
		finally {
			if (parsed != null) {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
			}
			else {
				request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			}
		}
	}

}
