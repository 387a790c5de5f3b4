package org.dafu.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dafu.history.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The API takes HTTP Basic credentials and no CSRF token, so a browser that holds saved
 * credentials must not be made to send a write from another site. A state-changing API
 * request (anything but GET, HEAD, OPTIONS, TRACE) is refused with 403, before any
 * password is checked, when
 * <ul>
 * <li>it carries an {@code Origin} other than this site's, or {@code Sec-Fetch-Site:
 * cross-site} / {@code same-site} (a page of another site sent it), or</li>
 * <li>its body is of a type an HTML form or a "simple" cross-site request can send
 * ({@code text/plain}, {@code multipart/form-data},
 * {@code application/x-www-form-urlencoded}, or no type at all) and it lacks the
 * {@value #CLIENT_HEADER} header. A page of another site cannot add a custom header
 * without a CORS preflight, which this API never grants.</li>
 * </ul>
 * Clients such as curl or scripts send the header with any value (docs/importing.md).
 */
class ApiCrossSiteFilter extends OncePerRequestFilter {

	/** The header that only a non-browser client (or a same-origin script) can send. */
	static final String CLIENT_HEADER = "X-Requested-By";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> FORM_TYPES = Set.of(MediaType.TEXT_PLAIN_VALUE,
			MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final AuditLog audit;

	ApiCrossSiteFilter(MessageSource messages, LocaleResolver locales, AuditLog audit) {
		this.messages = messages;
		this.locales = locales;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		this.audit.record("anonymous", "API_CROSS_SITE_REFUSED", request.getMethod() + " " + request.getRequestURI(),
				refusal, request.getRemoteAddr());
		String message = this.messages.getMessage("account.api." + refusal, null, locale(request));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + json(message) + "\",\"error\":\""
					+ refusal.toUpperCase(Locale.ROOT).replace('-', '_') + "\"}");
	}

	/** The message key suffix of the rule broken, or null. */
	static String refusal(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
			return null;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
			return "cross-site";
		}
		if (foreignOrigin(request)) {
			return "cross-site";
		}
		if (formSendable(request.getContentType()) && !StringUtils.hasText(request.getHeader(CLIENT_HEADER))) {
			return "client-header";
		}
		return null;
	}

	private static boolean foreignOrigin(HttpServletRequest request) {
		if (request.getHeader("Origin") == null) {
			return false;
		}
		try {
			// Origin present and not this request's scheme, host and port (also "null").
			return CorsUtils.isCorsRequest(request);
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private static boolean formSendable(String contentType) {
		if (!StringUtils.hasText(contentType)) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return FORM_TYPES.contains(type.getType() + "/" + type.getSubtype());
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private Locale locale(HttpServletRequest request) {
		if ("en".equals(request.getParameter("lang"))) {
			return Locale.ENGLISH;
		}
		try {
			return this.locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
